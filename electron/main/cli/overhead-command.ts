import { createSession } from '../app/create-session'
import { DataFile } from '../db/data-file'
import { AppFailure, formatParams } from '../failure'
import { overheadPosition } from '../funds/overhead/overhead-position'
import { postOverhead } from '../funds/overhead/post-overhead'
import type { Agreement } from '@shared/funds/schema'
import type { OverheadPosition } from '@shared/funds/overhead'
import { overheadPostInput } from '@shared/funds/overhead'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { type MessageParams, translate } from '@shared/i18n/translate'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { issuesToFieldErrors } from '@shared/validation/issues'
import { today } from '@shared/validation/dates'

export interface OverheadOptions {
  agreement?: string | undefined
  date?: string | undefined
  note?: string | undefined
  json: boolean
  author: string
}

/** The options of the command named as the input's fields are. */
const OPTION_OF: Record<string, string> = { agreementId: 'agreement', postedOn: 'date' }

/**
 * `aimf overhead FILE [--agreement REF] [--json]`: each tied agreement's recovered overhead (its
 * rate, eligible direct costs, what is allowed, posted and still to post), as the agreement page
 * shows it. `aimf overhead FILE post --agreement REF --date YYYY-MM-DD [--note TEXT]` posts it
 * with the same service as the window. A refusal is the window's message, with the option it
 * concerns, and exit 2; nothing is written.
 */
export async function overheadCommand(
  path: string,
  verb: string | undefined,
  options: OverheadOptions,
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params)
  const refuse = (lines: string[]) => {
    if (options.json)
      out(JSON.stringify({ error: { code: 'REFUSED', message: lines.join(' ') } }, null, 2))
    else for (const line of lines) err(line)
    return 2
  }
  if (verb !== undefined && verb !== 'post') return refuse([t('overhead.cli.usage')])
  if (verb === 'post' && !options.agreement) return refuse([t('overhead.cli.usage')])
  const file = await DataFile.open(path)
  try {
    const session = createSession(file, () => language)
    const agreements = (await session.agreements.list()).filter((a) => a.earmarking !== 'untied')
    const chosen = options.agreement?.toLowerCase()
    const listed = chosen
      ? agreements.filter((a) => a.reference.toLowerCase() === chosen)
      : agreements
    if (options.agreement && listed.length === 0)
      return refuse([`--agreement: ${t('cli.unknownAgreement', { reference: options.agreement })}`])
    if (verb === 'post') {
      const agreement = listed[0] as Agreement
      const input = overheadPostInput.safeParse({
        agreementId: agreement.id,
        postedOn: options.date ?? '',
        note: options.note ?? null,
      })
      if (!input.success)
        return refuse(
          issuesToFieldErrors(input.error.issues, language).map(
            (f) => `--${OPTION_OF[f.path] ?? f.path}: ${f.message}`,
          ),
        )
      const before = await overheadPosition(file.db, agreement.id, input.data.postedOn)
      try {
        await postOverhead(file, input.data, options.author)
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error
        const fields = error.fields.map(
          (f) =>
            `--${OPTION_OF[f.path] ?? f.path}: ${t(f.key, formatParams(f.params ?? {}, language))}`,
        )
        return refuse(
          fields.length > 0 ? fields : [t(error.key, formatParams(error.params, language))],
        )
      }
      const after = await overheadPosition(file.db, agreement.id, input.data.postedOn)
      const moved = (after?.posted ?? 0) - (before?.posted ?? 0)
      if (options.json)
        out(JSON.stringify({ posted: moved, position: positionJson(agreement, after) }, null, 2))
      else
        out(
          t('overhead.cli.posted', {
            amount: show(moved, agreement.currency, language),
            reference: agreement.reference,
            date: input.data.postedOn,
          }),
        )
      return 0
    }
    const positions = []
    for (const agreement of listed) {
      const position = await overheadPosition(file.db, agreement.id, options.date ?? today())
      if (position && position.rateBp !== null) positions.push({ agreement, position })
    }
    if (options.json) {
      out(
        JSON.stringify(
          positions.map((p) => positionJson(p.agreement, p.position)),
          null,
          2,
        ),
      )
      return 0
    }
    if (positions.length === 0) out(t('overhead.cli.none'))
    for (const { agreement, position } of positions)
      out(
        t('overhead.cli.line', {
          reference: agreement.reference,
          rate: formatBasisPoints(position.rateBp ?? 0, language),
          direct: show(position.directCosts, agreement.currency, language),
          allowed: show(position.allowed, agreement.currency, language),
          posted: show(position.posted, agreement.currency, language),
          toPost: show(position.toPost, agreement.currency, language),
        }),
      )
    return 0
  } finally {
    await file.close()
  }
}

function show(minor: number, currency: CurrencyCode, language: Language): string {
  return formatMoney(money(minor, currency), language)
}

/** `--json`: stable keys, amounts in minor units of the agreement's currency. */
function positionJson(agreement: Agreement, position: OverheadPosition | null) {
  return {
    reference: agreement.reference,
    currency: agreement.currency,
    rateBp: position?.rateBp ?? null,
    directCosts: position?.directCosts ?? 0,
    allowed: position?.allowed ?? 0,
    posted: position?.posted ?? 0,
    available: position?.available ?? 0,
    toPost: position?.toPost ?? 0,
    postings: (position?.postings ?? []).map((p) => ({
      postedOn: p.postedOn,
      amount: p.amount,
      eurAmount: p.eurAmount,
      cancelled: p.cancelReason !== null,
    })),
  }
}
