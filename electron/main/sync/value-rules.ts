import type { MessageKey } from '@shared/i18n/messages/catalog'
import { isCountryCode } from '@shared/geo/countries'
import { isCurrencyCode } from '@shared/money/currencies'
import { parseRate } from '@shared/money/exchange'
import { FUNDER_KINDS } from '@shared/funders/schema'
import { MEMBER_KINDS } from '@shared/members/schema'
import { isSectorCode } from '@shared/projects/schema'
import { PROGRAMME_CODE } from '@shared/programmes/schema'
import { duesSettingsInput } from '@shared/dues/schema'
import { isIsoDate } from '@shared/validation/dates'
import { isStoredDocumentName } from '@shared/text/stored-document-name'
import { readKeyRows } from '@shared/budget/cost-sharing'

/** What a refused value should have been, as a message of the catalog. */
export interface Expectation {
  key: MessageKey
  params?: Record<string, string | number>
}

type Check = (value: unknown) => Expectation | null

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const SHA256 = /^[0-9a-f]{64}$/
const LOGO = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/
// eslint-disable-next-line no-control-regex -- the point: control characters (tab and line ends aside) are refused in synced text
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** Text columns that hold a letter, a description, notes: longer than a name or a code. */
const LONG_TEXT = /^(body|notes?|description(_en)?|objectives|comment|condition|.*_reason)$/
const TEXT_MAX = 2_000
const LONG_TEXT_MAX = 100_000
/** A logo is a data URL of at most 1 MB of image (organisation-service.ts). */
const LOGO_MAX = 1_400_000

/** The tables a ledger entry may come from, and those it may be used by. */
const LEDGER_SOURCES = [
  'agreements',
  'agreement_amendments',
  'receipts',
  'other_income',
  'overhead_recoveries',
  'financing_lines',
  'project_transitions',
  'tranches',
  'budget_expenses',
  'dues_payments',
]

const oneOf = (values: readonly string[]): Check => {
  const allowed = new Set(values)
  return (value) =>
    typeof value === 'string' && allowed.has(value)
      ? null
      : { key: 'sync.refused.oneOf', params: { values: values.join(', ') } }
}
const matching =
  (test: (text: string) => boolean, key: MessageKey): Check =>
  (value) =>
    typeof value === 'string' && test(value) ? null : { key }
const between =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && value >= min && value <= max
      ? null
      : { key: 'sync.refused.range', params: { min, max } }

/** The dues settings as their form accepts them (shared/dues/schema.ts). */
const paymentDays = duesSettingsInput.shape.paymentDays
const DUES_PAYMENT_DAYS = between(
  paymentDays.minValue ?? 0,
  paymentDays.maxValue ?? Number.MAX_SAFE_INTEGER,
)

/** Checks by what a column means, where its name alone does not say it (table.column). */
const BY_COLUMN: Readonly<Record<string, Check>> = {
  'funders.kind': oneOf(FUNDER_KINDS),
  // The programmes are a list the secretariat edits (programmes/): a code of the right shape; one
  // the file does not know is listed by aimf check after the merge, not refused here.
  'projects.programme': matching((text) => PROGRAMME_CODE.test(text), 'sync.refused.programme'),
  'agreements.programme_code': matching(
    (text) => PROGRAMME_CODE.test(text),
    'sync.refused.programme',
  ),
  'programmes.code': matching((text) => PROGRAMME_CODE.test(text), 'sync.refused.programme'),
  'projects.sector_code': matching(isSectorCode, 'sync.refused.sector'),
  'dues_bands.member_kind': oneOf(MEMBER_KINDS),
  'dues_settings.payment_days': DUES_PAYMENT_DAYS,
  'dues_settings.arrears_tolerance_eur_minor': between(0, Number.MAX_SAFE_INTEGER),
  'project_documents.stored_name': matching(isStoredDocumentName, 'sync.refused.fileName'),
  'project_documents.sha256': matching((text) => SHA256.test(text), 'sync.refused.digest'),
  'project_documents.size': between(0, Number.MAX_SAFE_INTEGER),
  'organisation.logo': matching(
    (text) => text.length <= LOGO_MAX && LOGO.test(text),
    'sync.refused.logo',
  ),
  'ledger_entries.source_table': oneOf(LEDGER_SOURCES),
  'ledger_entries.use_table': oneOf(['financing_lines', 'expense_shares']),
  'cost_sharing_keys.shares': matching(
    (text) => readKeyRows(text) !== null,
    'sync.refused.sharingKey',
  ),
  'ledger_entries.source_id': matching((text) => UUID.test(text), 'sync.refused.id'),
  'ledger_entries.use_id': matching((text) => UUID.test(text), 'sync.refused.id'),
}

/** Checks by a column's name, the same in every table. */
function byName(column: string): Check | null {
  if (/(_on|_date)$/.test(column) || /^period_(end|from|to)$/.test(column))
    return matching(isIsoDate, 'sync.refused.date')
  if (column === 'currency' || column === 'default_currency')
    return matching(isCurrencyCode, 'sync.refused.currency')
  if (column === 'rate') return matching((text) => parseRate(text) !== null, 'sync.refused.rate')
  if (column === 'country') return matching(isCountryCode, 'sync.refused.country')
  if (column === 'year' || column === 'population_year') return between(1900, 2200)
  // A flag (is_current, is_default, is_eu_prag): 0 or 1, as its form sets it.
  if (column.startsWith('is_')) return between(0, 1)
  return null
}

/**
 * What one column accepts besides its SQL constraints: first its type — an integer column a
 * whole number within 2^53 (never 1.5, never text), a text column a string of bounded length
 * without control characters (never an object, never a number) —, then what it means.
 */
export function semanticCheck(
  table: string,
  column: string,
  type: 'TEXT' | 'INTEGER',
  isReference: boolean,
): Check {
  const meaning =
    BY_COLUMN[`${table}.${column}`] ??
    (isReference ? matching((text) => UUID.test(text), 'sync.refused.id') : byName(column))
  const max = column === 'logo' ? LOGO_MAX : LONG_TEXT.test(column) ? LONG_TEXT_MAX : TEXT_MAX
  return (value) => {
    if (type === 'INTEGER') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        return { key: 'sync.refused.integer' }
    } else {
      if (typeof value !== 'string') return { key: 'sync.refused.text' }
      if (value.length > max) return { key: 'sync.refused.tooLong', params: { max } }
      if (CONTROL.test(value)) return { key: 'sync.refused.control' }
    }
    return meaning ? meaning(value) : null
  }
}
