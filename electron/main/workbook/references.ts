import type { Selectable } from 'kysely'
import type { IndicatorsTable, ProjectsTable } from '../db/schema'
import type { Session } from '../app/session'
import type { AgreementDetail } from '@shared/funds/schema'
import { type RegisterColumn, type Register, type Memo, known } from './register'

/**
 * An agreement's page as the import first found it, read once per import: its child registers
 * use its id and currency, and what it held when the import began.
 */
export async function agreementAsFound(
  session: Session,
  memo: Memo,
  id: string,
): Promise<AgreementDetail> {
  const found = agreementPages(memo)
  let detail = found.get(id) as AgreementDetail | undefined
  if (!detail) {
    detail = await session.agreements.get(id)
    found.set(id, detail)
  }
  return detail
}

/**
 * Keeps the page of an agreement the import has just created as {@link agreementAsFound} would
 * read it (nothing recorded on it yet): its receipts and amendments do not read it again.
 */
export function rememberAgreementPage(memo: Memo, detail: AgreementDetail): void {
  agreementPages(memo).set(detail.id, detail)
}

function agreementPages(memo: Memo): Map<string, unknown> {
  let found = memo.get('agreementPages')
  if (!found) {
    found = new Map()
    memo.set('agreementPages', found)
  }
  return found
}

export const programmesByCode = (session: Session, memo: Memo) =>
  known(
    memo,
    'programmes',
    () => session.programmes.list({ includeArchived: true }),
    (p) => p.code,
  )

export const fundersByName = (session: Session, memo: Memo) =>
  known(
    memo,
    'funders',
    () => session.funders.list({ includeArchived: true }),
    (f) => f.name,
  )

export const membersByCode = (session: Session, memo: Memo) =>
  known(
    memo,
    'members',
    () => session.members.list({ includeArchived: true }),
    (m) => m.code,
  )

export const agreementsByReference = (session: Session, memo: Memo) =>
  known(
    memo,
    'agreements',
    () => session.agreements.list({ includeArchived: true }),
    (a) => a.reference,
  )

/** A project as its table holds it: the import compares a row with it and moves it along. */
export type ProjectAsFound = Selectable<ProjectsTable>

export const projectsByCode = (session: Session, memo: Memo) =>
  known<ProjectAsFound>(
    memo,
    'projects',
    () => session.file.db.selectFrom('projects').selectAll().execute(),
    (p) => p.code,
  )

/** The indicators of every project, known by their project's id and their name. */
export const indicatorsByProject = (session: Session, memo: Memo) =>
  known<Selectable<IndicatorsTable>>(
    memo,
    'indicators',
    () =>
      session.file.db
        .selectFrom('indicators')
        .selectAll()
        .where('deleted_at', 'is', null)
        .execute(),
    (i) => `${i.project_id}|${i.name}`,
  )

/** The agreement a row belongs to, named by its reference. */
export const AGREEMENT_COLUMN: RegisterColumn = {
  field: 'agreement',
  heading: 'workbook.column.agreement',
  kind: 'reference',
  required: true,
  references: 'agreements',
}

/**
 * A row naming its agreement by reference, as the contract's input naming it by id. Its
 * currency column, when it has one, only said how to read its amounts: the agreement's is used.
 */
export const withAgreementId: NonNullable<Register['toInput']> = async (
  { agreement, currency: _currency, ...row },
  resolve,
) => ({
  ...row,
  agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
})

/** A row naming its member by code, as the contract's input naming it by id. */
export const withMemberId: NonNullable<Register['toInput']> = async (
  { member, ...row },
  resolve,
) => ({
  ...row,
  memberId: (await resolve('members', String(member ?? ''))) ?? '',
})

/** The member a row belongs to, named by its code. */
export const MEMBER_COLUMN: RegisterColumn = {
  field: 'member',
  heading: 'workbook.column.memberCode',
  kind: 'reference',
  required: true,
  references: 'members',
}

/** The project a row belongs to, named by its code. */
export const PROJECT_COLUMN: RegisterColumn = {
  field: 'project',
  heading: 'workbook.column.project',
  kind: 'reference',
  required: true,
  references: 'projects',
}

/** A row naming its project by code, as the contract's input naming it by id. */
export const withProjectId: NonNullable<Register['toInput']> = async (
  { project, ...row },
  resolve,
) => ({
  ...row,
  projectId: (await resolve('projects', String(project ?? ''))) ?? '',
})
