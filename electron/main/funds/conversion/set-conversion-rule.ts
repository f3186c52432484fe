import type { DataFile } from '../../db/data-file'
import { AppFailure } from '../../failure'
import type { ConversionRule } from '@shared/funds/conversion-rule'

/**
 * Sets the rule an agreement's spending is reported at, as its contract says. The ledger is
 * not touched: the rule is how its amounts are converted for the funder, and choosing it again
 * later shows the same figures again. The change is in the change log like any other.
 */
export async function setConversionRule(
  file: DataFile,
  agreementId: string,
  rule: ConversionRule,
  author: string,
): Promise<void> {
  await file.write(author, async (writer) => {
    const row = await writer.trx
      .selectFrom('agreements')
      .select(['id', 'deleted_at'])
      .where('id', '=', agreementId)
      .executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    if (row.deleted_at) throw new AppFailure('CONFLICT', 'errors.agreementArchived')
    await writer.update('agreements', agreementId, { conversion_rule: rule })
  })
}
