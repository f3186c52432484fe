import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import {
  FULL_PERCENT_BP,
  parseSharePercent,
  readKeyRows,
  type SharingKey,
  type sharingKeyInput,
  type SharingKeyRow,
} from '@shared/budget/cost-sharing'

type KeyFields = z.output<typeof sharingKeyInput>

/**
 * Saved cost-sharing keys (« clés de répartition »): a name and shares in percent, e.g. a
 * person's time per agreement this month. A key is only a way of filling the form: applied,
 * it becomes percentages of the expense, checked and rounded as typed ones are.
 */
export class SharingKeysService {
  constructor(private readonly file: DataFile) {}

  async list(): Promise<SharingKey[]> {
    const rows = await this.file.db
      .selectFrom('cost_sharing_keys')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute()
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      note: row.note,
      rows: readKeyRows(row.shares) ?? [],
    }))
  }

  async save(fields: KeyFields, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const rows = checkKeyRows(fields.rows)
      for (const [index, row] of rows.entries()) {
        if (row.agreementId === null) continue
        const agreement = await writer.trx
          .selectFrom('agreements')
          .select('id')
          .where('id', '=', row.agreementId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        if (!agreement) {
          throw fieldFailure(
            'VALIDATION',
            `rows.${index}.agreementId`,
            'costSharing.keyUnknownAgreement',
          )
        }
      }
      let taken = writer.trx
        .selectFrom('cost_sharing_keys')
        .select('id')
        .where('deleted_at', 'is', null)
        .where((eb) => eb(eb.fn('lower', ['name']), '=', fields.name.toLowerCase()))
      if (fields.id) taken = taken.where('id', '!=', fields.id)
      if (await taken.executeTakeFirst()) {
        throw fieldFailure('CONFLICT', 'name', 'costSharing.keyNameTaken')
      }
      const values = { name: fields.name, note: fields.note, shares: JSON.stringify(rows) }
      if (!fields.id) return writer.insert('cost_sharing_keys', values)
      const existing = await writer.trx
        .selectFrom('cost_sharing_keys')
        .select('id')
        .where('id', '=', fields.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!existing) throw new AppFailure('NOT_FOUND')
      await writer.update('cost_sharing_keys', fields.id, values)
      return fields.id
    })
  }

  async remove(id: string, author: string): Promise<void> {
    await this.file.write(author, async (writer) => {
      const existing = await writer.trx
        .selectFrom('cost_sharing_keys')
        .select('id')
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!existing) throw new AppFailure('NOT_FOUND')
      await writer.archive('cost_sharing_keys', id)
    })
  }
}

/** A key's rows as typed: at least two, distinct, each a percentage, 100 % in all. */
export function checkKeyRows(rows: KeyFields['rows']): SharingKeyRow[] {
  if (rows.length < 2) throw fieldFailure('VALIDATION', 'rows', 'costSharing.tooFew')
  const seen = new Set<string>()
  const checked = rows.map((row, index) => {
    const key = `${row.agreementId ?? ''}|${row.headingCode ?? ''}`
    if (seen.has(key)) {
      throw fieldFailure('VALIDATION', `rows.${index}.headingCode`, 'costSharing.duplicate')
    }
    seen.add(key)
    if (row.agreementId === null && row.headingCode !== null) {
      throw fieldFailure('VALIDATION', `rows.${index}.headingCode`, 'costSharing.untiedHeading')
    }
    const percentBp = parseSharePercent(row.percent)
    if (percentBp === null) {
      throw fieldFailure('VALIDATION', `rows.${index}.percent`, 'costSharing.percentInvalid')
    }
    return { agreementId: row.agreementId, headingCode: row.headingCode, percentBp }
  })
  const total = checked.reduce((a, r) => a + r.percentBp, 0)
  if (total !== FULL_PERCENT_BP) {
    throw fieldFailure('VALIDATION', `rows.${rows.length - 1}.percent`, 'costSharing.percentSum', {
      total: { basisPoints: total },
    })
  }
  return checked
}
