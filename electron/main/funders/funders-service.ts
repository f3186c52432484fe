import type { Selectable } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { FundersTable } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { Funder, FunderFields, FunderKind } from '@shared/funders/schema'
import type { CurrencyCode } from '@shared/money/currencies'

/** Names compare without case or accents: "Ville de Genève" and "ville de geneve" are one. */
const sameName = new Intl.Collator('fr', { sensitivity: 'base' })

/** Funders (bailleurs): the governments, agencies, foundations and cities that fund the AIMF. */
export class FundersService {
  constructor(private readonly file: DataFile) {}

  async list(options: { includeArchived?: boolean } = {}): Promise<Funder[]> {
    let query = this.file.db.selectFrom('funders').selectAll()
    if (!options.includeArchived) query = query.where('deleted_at', 'is', null)
    const rows = await query.orderBy('name').execute()
    return rows.map(toFunder)
  }

  async get(id: string): Promise<Funder> {
    const row = await this.file.db
      .selectFrom('funders')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    return toFunder(row)
  }

  async create(fields: FunderFields, author: string): Promise<Funder> {
    const id = await this.file.write(author, async (writer) => {
      await this.assertNameFree(writer.trx, fields.name)
      return writer.insert('funders', toColumns(fields))
    })
    return this.get(id)
  }

  async update(id: string, fields: FunderFields, author: string): Promise<Funder> {
    await this.file.write(author, async (writer) => {
      const current = await this.requireRow(writer.trx, id)
      if (current.deleted_at) throw new AppFailure('CONFLICT', 'errors.funderArchived')
      await this.assertNameFree(writer.trx, fields.name, id)
      await writer.update('funders', id, toColumns(fields))
    })
    return this.get(id)
  }

  async archive(id: string, author: string): Promise<Funder> {
    await this.file.write(author, async (writer) => {
      await this.requireRow(writer.trx, id)
      await writer.archive('funders', id)
    })
    return this.get(id)
  }

  async restore(id: string, author: string): Promise<Funder> {
    await this.file.write(author, async (writer) => {
      const current = await this.requireRow(writer.trx, id)
      await this.assertNameFree(writer.trx, current.name, id)
      await writer.restore('funders', id)
    })
    return this.get(id)
  }

  private async requireRow(db: DataFile['db'], id: string): Promise<Selectable<FundersTable>> {
    const row = await db.selectFrom('funders').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    return row
  }

  private async assertNameFree(db: DataFile['db'], name: string, exceptId?: string) {
    const others = await db.selectFrom('funders').select(['id', 'name', 'deleted_at']).execute()
    const clash = others.find((o) => o.id !== exceptId && sameName.compare(o.name, name) === 0)
    if (clash) {
      throw fieldFailure(
        'CONFLICT',
        'name',
        clash.deleted_at ? 'errors.funderNameTakenArchived' : 'errors.funderNameTaken',
      )
    }
  }
}

function toColumns(fields: FunderFields) {
  return {
    name: fields.name,
    acronym: fields.acronym,
    kind: fields.kind,
    country: fields.country,
    default_currency: fields.defaultCurrency,
    contact_name: fields.contactName,
    contact_email: fields.contactEmail,
    contact_phone: fields.contactPhone,
    notes: fields.notes,
  }
}

function toFunder(row: Selectable<FundersTable>): Funder {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind as FunderKind,
    country: row.country,
    defaultCurrency: row.default_currency as CurrencyCode,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.deleted_at,
  }
}
