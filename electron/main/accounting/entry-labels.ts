import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { MessageParams } from '@shared/i18n/translate'
import type { LedgerRow } from './ledger-rows'

export type Translate = (key: MessageKey, params?: MessageParams) => string

/** A record's short reference when it has none of its own: a prefix and the end of its id. */
function shortRef(prefix: string, id: string): string {
  return `${prefix}-${id.slice(-8).toUpperCase()}`
}

/**
 * What an entry says of the ledger event it comes from: its description and the reference of
 * its voucher (the bank's reference, the expense's document, the agreement's reference…).
 */
export function describeRow(row: LedgerRow, t: Translate): { label: string; pieceRef: string } {
  const reference = row.agreement_reference ?? ''
  const funder = row.funder_name ?? ''
  const project = row.project_code ?? ''
  const city = row.city_name ?? ''
  let label: string
  let pieceRef: string
  switch (row.kind) {
    case 'commitment':
      if (row.source_table === 'agreement_amendments') {
        label = t('accounting.label.amendment', { reference, funder })
        pieceRef = shortRef('AV', row.source_id)
      } else {
        label = t('accounting.label.commitment', { reference, funder })
        pieceRef = reference || shortRef('CV', row.source_id)
      }
      break
    case 'receipt':
      label = t('accounting.label.receipt', { reference, funder })
      pieceRef = row.receipt_ref || shortRef('VER', row.source_id)
      break
    case 'allocation':
      label =
        row.source_table === 'project_transitions'
          ? t('accounting.label.release', { project, city })
          : t('accounting.label.allocation', { project, city })
      pieceRef = project || shortRef('AF', row.source_id)
      break
    case 'disbursement':
      label = t('accounting.label.disbursement', {
        number: row.tranche_number ?? '',
        project,
        city,
      })
      pieceRef = row.tranche_ref || `${project}-T${row.tranche_number ?? ''}`
      break
    case 'expense':
      label = t('accounting.label.expense', {
        description: [row.expense_supplier, row.expense_description].filter(Boolean).join(' – '),
      })
      pieceRef = row.expense_document || shortRef('DEP', row.source_id)
      break
    case 'due_payment':
      label = t('accounting.label.duePayment', {
        member: [row.due_member_code, row.due_member_name].filter(Boolean).join(' '),
      })
      pieceRef = row.due_ref || shortRef('COT', row.source_id)
      break
    case 'other_income':
      label = t('accounting.label.otherIncome', { label: row.income_label ?? '' })
      pieceRef = shortRef('PRD', row.source_id)
      break
  }
  if (row.reverses_id) label = t('accounting.label.reversal', { label })
  return { label: label.slice(0, 200), pieceRef: pieceRef.slice(0, 40) }
}
