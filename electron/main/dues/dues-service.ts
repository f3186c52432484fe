import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import { readAmount } from '../funds/money-input'
import { requireMember } from '../members/members-service'
import type {
  DuesSettings,
  DuesSummary,
  MemberAccount,
  MemberBody,
  duesSettingsInput,
  memberContactInput,
  memberRoleInput,
} from '@shared/dues/schema'
import {
  DUES_SETTINGS_ID,
  arrearsByAge,
  creditsEur,
  duesCalls,
  duesPayments,
  duesSettings,
  duesStanding,
  duesSummary,
} from './dues-accounts'

/**
 * A member's dues account (calls, payments, arrears, credit, standing), the collection
 * dashboard, the dues settings and the member's roles in the AIMF's bodies.
 */
export class DuesService {
  constructor(
    private readonly file: DataFile,
    private readonly today: () => string,
  ) {}

  async account(memberId: string): Promise<MemberAccount> {
    const db = this.file.db
    await requireMember(db, memberId)
    const calls = await duesCalls(db, { memberId })
    const arrears = arrearsByAge(calls, this.today())
    const standing = await duesStanding(db, memberId, this.today())
    const roles = await db
      .selectFrom('member_roles')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('deleted_at', 'is', null)
      .orderBy('starts_on', 'desc')
      .execute()
    const projects = await db
      .selectFrom('projects')
      .select(['id', 'code', 'title', 'status'])
      .where('member_id', '=', memberId)
      .where('deleted_at', 'is', null)
      .orderBy('code', 'desc')
      .execute()
    return {
      memberId,
      calls,
      payments: await duesPayments(db, { memberId }),
      arrearsEur: arrears.total,
      outstandingEur: calls.reduce((sum, c) => sum + c.outstandingEur, 0),
      creditEur: (await creditsEur(db, memberId)).get(memberId) ?? 0,
      arrears,
      standing:
        calls.length === 0
          ? 'no_calls'
          : standing.kind === 'in_arrears'
            ? 'in_arrears'
            : 'up_to_date',
      roles: roles.map((r) => ({
        id: r.id,
        body: r.body as MemberBody,
        role: r.role,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
      })),
      projects,
      contacts: await db
        .selectFrom('member_contacts')
        .select(['id', 'name', 'role', 'email', 'phone'])
        .where('member_id', '=', memberId)
        .where('deleted_at', 'is', null)
        .orderBy('name')
        .execute(),
    }
  }

  async addContact(
    input: z.output<typeof memberContactInput>,
    author: string,
  ): Promise<MemberAccount> {
    await this.file.write(author, async (writer) => {
      const member = await requireMember(writer.trx, input.memberId)
      if (member.deleted_at) throw new AppFailure('CONFLICT', 'errors.memberArchived')
      await writer.insert('member_contacts', {
        member_id: input.memberId,
        name: input.name,
        role: input.role,
        email: input.email,
        phone: input.phone,
      })
    })
    return this.account(input.memberId)
  }

  async removeContact(id: string, author: string): Promise<MemberAccount> {
    const memberId = await this.file.write(author, async (writer) => {
      const contact = await writer.trx
        .selectFrom('member_contacts')
        .select(['member_id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!contact || contact.deleted_at) throw new AppFailure('NOT_FOUND')
      await writer.archive('member_contacts', id)
      return contact.member_id
    })
    return this.account(memberId)
  }

  /** The payments received in a year, newest first. */
  async payments(year: number) {
    const payments = await duesPayments(this.file.db, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    })
    return payments.reverse()
  }

  async summary(year: number): Promise<DuesSummary> {
    return duesSummary(this.file.db, year, this.today())
  }

  async settings(): Promise<DuesSettings> {
    return duesSettings(this.file.db)
  }

  async updateSettings(
    input: z.output<typeof duesSettingsInput>,
    author: string,
  ): Promise<DuesSettings> {
    const tolerance = readAmount(input.arrearsTolerance, 'EUR', 'arrearsTolerance', 'any')
    if (tolerance.minor < 0)
      throw fieldFailure('VALIDATION', 'arrearsTolerance', 'validation.amountPositive')
    await this.file.write(author, async (writer) => {
      const values = {
        arrears_tolerance_eur_minor: tolerance.minor,
        payment_days: input.paymentDays,
      }
      const exists = await writer.trx
        .selectFrom('dues_settings')
        .select('id')
        .where('id', '=', DUES_SETTINGS_ID)
        .executeTakeFirst()
      if (exists) await writer.update('dues_settings', DUES_SETTINGS_ID, values)
      else await writer.insert('dues_settings', values, DUES_SETTINGS_ID)
    })
    return this.settings()
  }

  async addRole(input: z.output<typeof memberRoleInput>, author: string): Promise<MemberAccount> {
    await this.file.write(author, async (writer) => {
      const member = await requireMember(writer.trx, input.memberId)
      if (member.deleted_at) throw new AppFailure('CONFLICT', 'errors.memberArchived')
      await writer.insert('member_roles', {
        member_id: input.memberId,
        body: input.body,
        role: input.role,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
      })
    })
    return this.account(input.memberId)
  }

  async removeRole(id: string, author: string): Promise<MemberAccount> {
    const memberId = await this.file.write(author, async (writer) => {
      const role = await writer.trx
        .selectFrom('member_roles')
        .select(['member_id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!role || role.deleted_at) throw new AppFailure('NOT_FOUND')
      await writer.archive('member_roles', id)
      return role.member_id
    })
    return this.account(memberId)
  }
}
