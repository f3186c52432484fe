import type { z } from 'zod'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import {
  LEADER_CIVILITIES,
  MEMBER_KINDS,
  MEMBER_STATUSES,
  memberInput,
} from '@shared/members/schema'
import { MEMBER_BODIES, memberContactInput, memberRoleInput } from '@shared/dues/schema'
import { type Register, ARCHIVED_ON, recordOnce, same, keyOf } from '../workbook/register'
import { membersByCode, withMemberId, MEMBER_COLUMN } from '../workbook/references'

export const members: Register<z.output<typeof memberInput>> = {
  key: 'members',
  sheet: 'workbook.sheet.members',
  columns: [
    { field: 'code', heading: 'members.field.code', kind: 'text', required: true },
    {
      field: 'kind',
      heading: 'members.field.kind',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_KINDS, label: (code) => `members.kind.${code}` as MessageKey },
    },
    { field: 'name', heading: 'members.field.name', kind: 'text', required: true },
    { field: 'country', heading: 'members.field.country', kind: 'country' },
    { field: 'population', heading: 'members.field.population', kind: 'integer' },
    { field: 'populationYear', heading: 'members.field.populationYear', kind: 'integer' },
    { field: 'leaderName', heading: 'members.field.leaderName', kind: 'text' },
    {
      field: 'leaderCivility',
      heading: 'members.field.leaderCivility',
      kind: 'choice',
      choices: {
        codes: LEADER_CIVILITIES,
        label: (code) => `members.field.civility_${code}` as MessageKey,
      },
    },
    { field: 'address', heading: 'members.field.address', kind: 'text' },
    { field: 'email', heading: 'members.field.email', kind: 'text' },
    { field: 'phone', heading: 'members.field.phone', kind: 'text' },
    { field: 'joinedOn', heading: 'members.field.joinedOn', kind: 'date' },
    {
      field: 'status',
      heading: 'members.field.status',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_STATUSES, label: (code) => `members.status.${code}` as MessageKey },
    },
    { field: 'statusOn', heading: 'members.field.statusOn', kind: 'date' },
    { field: 'statusReason', heading: 'members.field.statusReason', kind: 'text' },
    { field: 'notes', heading: 'members.field.notes', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: memberInput,
  identity: (row) => String(row.code ?? '').toLowerCase(),
  name: (row) => String(row.code ?? ''),
  // Read from the table: the register needs no dues figures, which the members' list computes.
  rows: async (session) =>
    (await session.file.db.selectFrom('members').selectAll().orderBy('name').execute()).map(
      (m) => ({
        code: m.code,
        kind: m.kind,
        name: m.name,
        country: m.country,
        population: m.population,
        populationYear: m.population_year,
        leaderName: m.leader_name,
        leaderCivility: m.leader_civility,
        address: m.address,
        email: m.email,
        phone: m.phone,
        joinedOn: m.joined_on,
        status: m.status,
        statusOn: m.status_on,
        statusReason: m.status_reason,
        notes: m.notes,
        archivedOn: m.deleted_at?.slice(0, 10) ?? null,
      }),
    ),
  apply: async (session, input, author, memo) => {
    const byCode = await membersByCode(session, memo)
    const code = (input.code ?? '').toLowerCase()
    const existing = byCode.get(code)
    // The region follows the country unless the file says otherwise; the sheet does not carry it.
    const fields = { ...input, region: existing?.region ?? null }
    if (!existing) {
      byCode.set(code, await session.members.create(fields, author))
      return 'created'
    }
    // An archived member is left as it is: it is restored in the window, not by a workbook.
    if (existing.archivedAt || same(existing as unknown as Record<string, unknown>, fields))
      return 'unchanged'
    byCode.set(code, await session.members.update(existing.id, fields, author))
    return 'updated'
  },
  archive: async (session, id, author) => {
    await session.members.archive(id, author)
  },
}

/** A member's contacts: each known by its member and name. */
export const contacts: Register<z.output<typeof memberContactInput>> = {
  key: 'contacts',
  sheet: 'workbook.sheet.contacts',
  columns: [
    MEMBER_COLUMN,
    { field: 'name', heading: 'members.contacts.name', kind: 'text', required: true },
    { field: 'role', heading: 'members.contacts.role', kind: 'text' },
    { field: 'email', heading: 'members.contacts.email', kind: 'text' },
    { field: 'phone', heading: 'members.contacts.phone', kind: 'text' },
  ],
  schema: memberContactInput,
  identity: (row) => `${String(row.member ?? '')}|${String(row.name ?? '')}`.toLowerCase(),
  toInput: withMemberId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('member_contacts as c')
        .innerJoin('members as m', 'm.id', 'c.member_id')
        .select(['m.code', 'c.name', 'c.role', 'c.email', 'c.phone'])
        .where('c.deleted_at', 'is', null)
        .orderBy('m.code')
        .orderBy('c.name')
        .execute()
    ).map((c) => ({ member: c.code, name: c.name, role: c.role, email: c.email, phone: c.phone })),
  apply: async (session, input, author, memo) =>
    recordOnce(
      memo,
      'contacts',
      async () =>
        (
          await session.file.db
            .selectFrom('member_contacts')
            .select(['member_id', 'name'])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((c) => `${c.member_id}|${c.name}`),
      `${input.memberId}|${input.name}`,
      () => session.dues.addContact(input, author),
    ),
}

/** Bureau and standing-committee roles: each known by its member, body, role and start. */
export const roles: Register<z.output<typeof memberRoleInput>> = {
  key: 'roles',
  sheet: 'workbook.sheet.roles',
  columns: [
    MEMBER_COLUMN,
    {
      field: 'body',
      heading: 'dues.roles.body',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_BODIES, label: (code) => `dues.roles.body_${code}` as MessageKey },
    },
    { field: 'role', heading: 'dues.roles.role', kind: 'text', required: true },
    { field: 'startsOn', heading: 'dues.roles.startsOn', kind: 'date', required: true },
    { field: 'endsOn', heading: 'dues.roles.endsOn', kind: 'date' },
  ],
  schema: memberRoleInput,
  identity: (row) => keyOf(row.member, row.body, row.role, row.startsOn),
  toInput: withMemberId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('member_roles as r')
        .innerJoin('members as m', 'm.id', 'r.member_id')
        .select(['m.code', 'r.body', 'r.role', 'r.starts_on', 'r.ends_on'])
        .where('r.deleted_at', 'is', null)
        .orderBy('m.code')
        .orderBy('r.starts_on')
        .execute()
    ).map((r) => ({
      member: r.code,
      body: r.body,
      role: r.role,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    })),
  apply: async (session, input, author, memo) =>
    recordOnce(
      memo,
      'roles',
      async () =>
        (
          await session.file.db
            .selectFrom('member_roles')
            .select(['member_id', 'body', 'role', 'starts_on'])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((r) => `${r.member_id}|${r.body}|${r.role}|${r.starts_on}`),
      `${input.memberId}|${input.body}|${input.role}|${input.startsOn}`,
      () => session.dues.addRole(input, author),
    ),
}
