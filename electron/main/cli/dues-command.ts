import { createSession } from '../app/create-session'
import { DataFile } from '../db/data-file'
import { formatPercent } from '@shared/i18n/format-percent'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'

/**
 * `aimf dues FILE --year YYYY [--json]`: called, collected, the collection rate and arrears by
 * age, as the collection dashboard shows them; JSON amounts in euro cents.
 */
export async function duesCommand(
  path: string,
  year: number,
  json: boolean,
  language: Language,
  out: (line: string) => void,
): Promise<number> {
  const file = await DataFile.open(path)
  try {
    const summary = await createSession(file).dues.summary(year)
    if (json) {
      out(JSON.stringify({ ...summary, currency: 'EUR', unit: 'cents' }, null, 2))
      return 0
    }
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(language, key, params)
    const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
    const rate = (value: number | null) => formatPercent(value, language)
    out(`${t('dues.summary.called', { year })}: ${euros(summary.calledEur)}`)
    out(`${t('dues.summary.collected', { year })}: ${euros(summary.collectedEur)}`)
    out(`${t('dues.summary.rate')}: ${rate(summary.rate)}`)
    out(`${t('dues.summary.voluntary', { year })}: ${euros(summary.voluntaryEur)}`)
    out(`${t('dues.summary.arrears')}:`)
    for (const age of ['current', 'oneYear', 'twoYears', 'threeYearsOrMore', 'total'] as const) {
      out(`  ${t(`dues.summary.${age}`)}: ${euros(summary.arrears[age])}`)
    }
    out(`${t('dues.summary.byYear')}:`)
    for (const y of summary.byYear) {
      out(`  ${y.year}\t${euros(y.calledEur)}\t${euros(y.collectedEur)}\t${rate(y.rate)}`)
    }
    out(`${t('dues.summary.upToDate')}: ${summary.membersUpToDate}`)
    out(`${t('dues.summary.inArrears')}: ${summary.membersInArrears}`)
    return 0
  } finally {
    await file.close()
  }
}
