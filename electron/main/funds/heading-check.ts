import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { fieldFailure } from '../failure'

/**
 * Refuses a donor heading the agreement does not have. An agreement with headings may leave the
 * heading open only where `required` is false (a financing line: the donor report then shows
 * the amount as not yet assigned); one without headings takes none.
 */
export async function assertHeadingOf(
  db: Transaction<Database>,
  agreementId: string,
  headingCode: string | null,
  field: string,
  required: boolean,
): Promise<string | null> {
  const headings = await db
    .selectFrom('agreement_headings')
    .select('code')
    .where('agreement_id', '=', agreementId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute()
  if (headings.length === 0) return null
  if (headingCode === null && !required) return null
  if (!headings.some((h) => h.code === headingCode)) {
    throw fieldFailure('VALIDATION', field, 'errors.expenseHeadingUnknown', {
      codes: headings.map((h) => h.code).join(', '),
    })
  }
  return headingCode
}
