import { z } from 'zod'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { HEADING_ROLES, type HeadingRole, headingsInput } from '@shared/funds/schema'
import { type Register, normalAmount, amountText } from '../../workbook/register'
import { AGREEMENT_COLUMN, withAgreementId } from '../../workbook/references'

/** One of an agreement's donor headings, known by its agreement and code. */
const headingRowInput = z.strictObject({
  agreementId: headingsInput.shape.agreementId,
  ...headingsInput.shape.headings.element.shape,
})

/** Direct costs first (the caps are shares of them); the others in the workbook's order. */
const HEADING_ORDER: Record<HeadingRole, number> = { direct: 0, contingency: 1, indirect: 1 }

export const headings: Register<z.output<typeof headingRowInput>> = {
  key: 'headings',
  sheet: 'workbook.sheet.headings',
  columns: [
    AGREEMENT_COLUMN,
    { field: 'code', heading: 'headings.code', kind: 'text', required: true },
    { field: 'label', heading: 'headings.label', kind: 'text', required: true },
    {
      field: 'role',
      heading: 'headings.role',
      kind: 'choice',
      required: true,
      choices: { codes: HEADING_ROLES, label: (code) => `headings.roles.${code}` as MessageKey },
    },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'workbook.column.amount', kind: 'amount', required: true },
  ],
  schema: headingRowInput,
  identity: (row) => `${String(row.agreement ?? '')}|${String(row.code ?? '')}`.toLowerCase(),
  toInput: withAgreementId,
  // Direct costs first: the caps of indirect costs and contingency are shares of them.
  order: (a, b) =>
    String(a.agreement).localeCompare(String(b.agreement)) ||
    HEADING_ORDER[a.role as HeadingRole] - HEADING_ORDER[b.role as HeadingRole],
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('agreement_headings as h')
        .innerJoin('agreements as a', 'a.id', 'h.agreement_id')
        .select(['a.reference', 'a.currency', 'h.code', 'h.label', 'h.role', 'h.amount_minor'])
        .where('h.deleted_at', 'is', null)
        .orderBy('a.reference')
        .orderBy('h.position')
        .execute()
    ).map((h) => ({
      agreement: h.reference,
      code: h.code,
      label: h.label,
      role: h.role,
      currency: h.currency,
      amount: amountText(h.amount_minor, h.currency),
    })),
  // An agreement's headings are saved whole: the row's heading is added to (or replaces its
  // own in) the agreement's headings as they stand.
  apply: async (session, { agreementId, ...heading }, author) => {
    const detail = await session.agreements.get(agreementId)
    const current = (await session.terms.budget(agreementId)).headings.map((h) => ({
      code: h.code,
      label: h.label,
      role: h.role,
      amount: amountText(h.amount, detail.currency),
    }))
    const index = current.findIndex((h) => h.code.toLowerCase() === heading.code.toLowerCase())
    const same = current[index]
    if (
      same &&
      same.label === heading.label &&
      same.role === heading.role &&
      normalAmount(same.amount, detail.currency) === normalAmount(heading.amount, detail.currency)
    ) {
      return 'unchanged'
    }
    const lines =
      index >= 0 ? current.map((h, i) => (i === index ? heading : h)) : [...current, heading]
    await session.terms.saveHeadings(agreementId, lines, author)
    return index >= 0 ? 'updated' : 'created'
  },
}
