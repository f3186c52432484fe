import { formatPercent } from '@shared/i18n/format-percent'
import { FUND_FIGURE_KEYS, type FundFigures } from '@shared/funds/fund-class'
import type { FundsSummary } from '@shared/funds/schema'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'

/**
 * `aimf summary --json`: stable keys, documented in the README. Amounts are euro cents
 * (integers); `untiedShare` is a ratio with four decimals, null for a year without income.
 */
export function summaryJson(summary: FundsSummary) {
  const pick = (f: FundFigures) => Object.fromEntries(FUND_FIGURE_KEYS.map((k) => [k, f[k]]))
  return {
    year: summary.year,
    asOf: summary.asOf,
    currency: 'EUR',
    unit: 'cents',
    tied: pick(summary.byClass.tied),
    untied: pick(summary.byClass.untied),
    exchangeDifference: summary.exchangeDifference,
    byNature: summary.byNature,
    untiedShareByYear: summary.untiedShareByYear.map((y) => ({
      year: y.year,
      untiedIncome: y.untied,
      totalIncome: y.total,
      untiedShare: y.share,
    })),
    projects: summary.projects,
  }
}

/** The same figures as a table for people, in euros. */
export function summaryText(summary: FundsSummary, language: Language): string[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(language, key, params)
  const eur = (minor: number) => formatAmount(money(minor, 'EUR'), language)
  const header = [
    t('dashboard.title') + (summary.year ? ` ${summary.year}` : ''),
    t('dashboard.asOf', { date: summary.asOf }),
  ]
  const rows = FUND_FIGURE_KEYS.map((key) => {
    const tied = summary.byClass.tied[key]
    const untied = summary.byClass.untied[key]
    return [t(`agreements.figure.${key}`), eur(tied), eur(untied), eur(tied + untied)]
  })
  const { tied, untied } = summary.exchangeDifference
  // Available by the conversion rules plus the difference is the ledger's (as on the dashboard).
  if (tied.held !== 0 || untied.held !== 0)
    rows.push([
      t('conversion.fundLine'),
      eur(tied.held),
      eur(untied.held),
      eur(tied.held + untied.held),
    ])
  const table = [
    ['', t('agreements.fundClass.tied'), t('agreements.fundClass.untied'), t('dashboard.total')],
    ...rows,
  ]
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? []
  const lines = table.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  )
  const shares = summary.untiedShareByYear.map(
    (y) =>
      `  ${y.year}  ${y.share === null ? '—' : formatPercent(y.share, language)}  (${eur(y.untied)} / ${eur(y.total)})`,
  )
  return [...header, '', ...lines, '', t('dashboard.untiedShare'), ...shares]
}
