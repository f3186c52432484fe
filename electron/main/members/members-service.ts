import { type Selectable, sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { MembersTable } from '../db/schema'
import { AppFailure } from '../failure'
import { type Region, regionOfCountry } from '@shared/geo/regions'
import type { Member, MemberFields, MemberKind, MemberStatus } from '@shared/members/schema'
import { nextCode, assertCodeFree } from '../db/record-codes'
import { arrearsByAge, creditsEur, duesCalls } from '../dues/dues-accounts'
import type { DuesCall } from '@shared/dues/schema'

/** Members (membres): the cities and associations of the network that projects and dues are for. */
export class MembersService {
  constructor(
    private readonly file: DataFile,
    private readonly today: () => string,
  ) {}

  async list(options: { includeArchived?: boolean } = {}): Promise<Member[]> {
    let query = this.file.db.selectFrom('members').selectAll()
    if (!options.includeArchived) query = query.where('deleted_at', 'is', null)
    const rows = await query.orderBy('name').execute()
    const open = await this.openProjectCounts()
    const dues = await this.duesFigures()
    return rows.map((row) => toMember(row, open.get(row.id) ?? 0, dues(row.id)))
  }

  async get(id: string): Promise<Member> {
    const row = await this.file.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    const open = await this.openProjectCounts(id)
    const dues = await this.duesFigures(id)
    return toMember(row, open.get(id) ?? 0, dues(id))
  }

  async create(fields: MemberFields, author: string): Promise<Member> {
    const id = await this.file.write(author, async (writer) => {
      const code = fields.code ?? (await nextCode(writer.trx, 'members', 'M-', 4))
      await assertCodeFree(writer.trx, 'members', code)
      return writer.insert('members', toColumns({ ...fields, code }))
    })
    const row = await this.file.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    // Just created: no project, dues call or bureau seat names it yet (an import creates
    // hundreds of members: their figures are not read again for each).
    return toMember(row, 0, { arrearsEur: 0, inBureau: false })
  }

  async update(id: string, fields: MemberFields, author: string): Promise<Member> {
    await this.file.write(author, async (writer) => {
      const current = await requireMember(writer.trx, id)
      if (current.deleted_at) throw new AppFailure('CONFLICT', 'errors.memberArchived')
      const code = fields.code ?? current.code
      await assertCodeFree(writer.trx, 'members', code, id)
      await writer.update('members', id, toColumns({ ...fields, code }))
    })
    return this.get(id)
  }

  /** Archives a member; refused while it has projects still running, which would be orphaned. */
  async archive(id: string, author: string): Promise<Member> {
    await this.file.write(author, async (writer) => {
      await requireMember(writer.trx, id)
      const open = await this.openProjectCounts(id, writer.trx)
      const count = open.get(id) ?? 0
      if (count > 0) throw new AppFailure('CONFLICT', 'errors.memberHasOpenProjects', { count })
      await writer.archive('members', id)
    })
    return this.get(id)
  }

  async restore(id: string, author: string): Promise<Member> {
    await this.file.write(author, async (writer) => {
      const current = await requireMember(writer.trx, id)
      await assertCodeFree(writer.trx, 'members', current.code, id)
      await writer.restore('members', id)
    })
    return this.get(id)
  }

  /** Each member's arrears net of credit, and whether it sits on the Bureau today. */
  private async duesFigures(memberId?: string) {
    const today = this.today()
    const calls = await duesCalls(this.file.db, memberId ? { memberId } : {})
    const callsOf = new Map<string, DuesCall[]>()
    for (const call of calls)
      callsOf.set(call.memberId, [...(callsOf.get(call.memberId) ?? []), call])
    const credits = await creditsEur(this.file.db, memberId)
    const bureau = await this.file.db
      .selectFrom('member_roles')
      .select('member_id')
      .where('body', '=', 'bureau')
      .where('deleted_at', 'is', null)
      .where('starts_on', '<=', today)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .execute()
    const onBureau = new Set(bureau.map((r) => r.member_id))
    return (id: string) => ({
      arrearsEur: Math.max(
        0,
        arrearsByAge(callsOf.get(id) ?? [], today).total - (credits.get(id) ?? 0),
      ),
      inBureau: onBureau.has(id),
    })
  }

  private async openProjectCounts(
    memberId?: string,
    db: DataFile['db'] = this.file.db,
  ): Promise<Map<string, number>> {
    const rows = await sql<{ member_id: string; open: number }>`
      SELECT member_id, COUNT(*) AS open FROM projects
      WHERE deleted_at IS NULL AND status NOT IN ('closed', 'abandoned')
        ${memberId ? sql`AND member_id = ${memberId}` : sql``}
      GROUP BY member_id`.execute(db)
    return new Map(rows.rows.map((r) => [r.member_id, Number(r.open)]))
  }
}

export async function requireMember(
  db: DataFile['db'],
  id: string,
): Promise<Selectable<MembersTable>> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppFailure('NOT_FOUND')
  return row
}

function toColumns(fields: MemberFields & { code: string }) {
  return {
    code: fields.code,
    kind: fields.kind,
    name: fields.name,
    country: fields.country,
    region: fields.region ?? regionOfCountry(fields.country),
    population: fields.population,
    population_year: fields.populationYear,
    leader_name: fields.leaderName,
    leader_civility: fields.leaderCivility,
    address: fields.address,
    email: fields.email,
    phone: fields.phone,
    joined_on: fields.joinedOn,
    status: fields.status,
    status_on: fields.statusOn,
    status_reason: fields.statusReason,
    notes: fields.notes,
  }
}

function toMember(
  row: Selectable<MembersTable>,
  openProjects: number,
  dues: { arrearsEur: number; inBureau: boolean },
): Member {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as MemberKind,
    name: row.name,
    country: row.country,
    region: row.region as Region | null,
    population: row.population,
    populationYear: row.population_year,
    leaderName: row.leader_name,
    leaderCivility:
      row.leader_civility === 'f' || row.leader_civility === 'm' ? row.leader_civility : null,
    address: row.address,
    email: row.email,
    phone: row.phone,
    joinedOn: row.joined_on,
    status: row.status as MemberStatus,
    statusOn: row.status_on,
    statusReason: row.status_reason,
    notes: row.notes,
    openProjects,
    ...dues,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.deleted_at,
  }
}
