import type { z } from 'zod'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { optionalIsoDate } from '@shared/validation/dates'
import {
  FINANCING_SOURCES,
  agreementProjectInput,
  financingLineInput,
} from '@shared/projects/schema'
import {
  type ImportOutcome,
  type Register,
  recordOnce,
  amountText,
  keyOf,
} from '../workbook/register'
import {
  AGREEMENT_COLUMN,
  agreementsByReference,
  PROJECT_COLUMN,
  withProjectId,
} from '../workbook/references'
import { knownPlanLines, lineCurrency, planLineKey, writePlanLines } from './plan-lines-import'

/** The projects a project-tied agreement names as its own. */
export const namedProjects: Register<z.output<typeof agreementProjectInput>> = {
  key: 'namedProjects',
  sheet: 'workbook.sheet.namedProjects',
  columns: [AGREEMENT_COLUMN, PROJECT_COLUMN],
  schema: agreementProjectInput,
  identity: (row) => `${String(row.agreement ?? '')}|${String(row.project ?? '')}`.toLowerCase(),
  toInput: async ({ agreement, project }, resolve) => ({
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
    projectId: (await resolve('projects', String(project ?? ''))) ?? '',
  }),
  rows: async (session) =>
    await session.file.db
      .selectFrom('agreement_projects as n')
      .innerJoin('agreements as a', 'a.id', 'n.agreement_id')
      .innerJoin('projects as p', 'p.id', 'n.project_id')
      .select(['a.reference as agreement', 'p.code as project'])
      .where('n.deleted_at', 'is', null)
      .orderBy('a.reference')
      .orderBy('p.code')
      .execute(),
  apply: (session, input, author, memo) =>
    recordOnce(
      memo,
      'namedProjects',
      async () =>
        (
          await session.file.db
            .selectFrom('agreement_projects')
            .select(['agreement_id', 'project_id'])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((n) => `${n.agreement_id}|${n.project_id}`),
      `${input.agreementId}|${input.projectId}`,
      () => session.financing.nameProject(input.agreementId, input.projectId, author),
    ),
}

const planLineRowInput = financingLineInput.safeExtend({ committedOn: optionalIsoDate })

/** The financing plan's lines, each committed on its day when the row says so. */
export const planLines: Register<z.output<typeof planLineRowInput>> = {
  key: 'planLines',
  sheet: 'workbook.sheet.planLines',
  // The agreement's heading the line is planned under.
  references: ['headings'],
  columns: [
    PROJECT_COLUMN,
    {
      field: 'source',
      heading: 'projects.plan.source',
      kind: 'choice',
      required: true,
      choices: {
        codes: FINANCING_SOURCES,
        label: (code) => `projects.plan.source_${code}` as MessageKey,
      },
    },
    { ...AGREEMENT_COLUMN, required: false },
    { field: 'partnerName', heading: 'projects.plan.partnerName', kind: 'text' },
    { field: 'headingCode', heading: 'projects.plan.heading', kind: 'text' },
    { field: 'currency', heading: 'projects.plan.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'projects.plan.amount', kind: 'amount', required: true },
    { field: 'committedOn', heading: 'projects.plan.committedOn', kind: 'date' },
    { field: 'note', heading: 'projects.plan.note', kind: 'text' },
  ],
  schema: planLineRowInput,
  refusalColumns: {
    lineId: 'committedOn',
    'errors.lineCommitted': 'committedOn',
    'errors.lineNotAimf': 'source',
    'errors.projectNotApproved': 'committedOn',
    'errors.agreementNotProjectTied': 'agreement',
  },
  identity: (row) =>
    keyOf(
      row.project,
      row.source,
      row.agreement,
      row.partnerName,
      row.headingCode,
      row.amount,
      row.currency,
    ),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...(await withProjectId(row, resolve)),
    agreementId: agreement ? ((await resolve('agreements', String(agreement))) ?? '') : null,
  }),
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('financing_lines as l')
        .innerJoin('projects as p', 'p.id', 'l.project_id')
        .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
        .selectAll('l')
        .select(['p.code as project', 'a.reference as agreement'])
        .where('l.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('l.created_at')
        .execute()
    ).map((l) => ({
      project: l.project,
      source: l.source,
      agreement: l.agreement,
      partnerName: l.partner_name,
      headingCode: l.heading_code,
      currency: l.currency,
      amount: amountText(l.amount_minor, l.currency),
      committedOn: l.committed_on,
      note: l.note,
    })),
  apply: async (session, row, author, memo) => {
    const { committedOn, ...input } = row
    const lines = await knownPlanLines(session, memo)
    const agreement = [...(await agreementsByReference(session, memo)).values()].find(
      (a) => a.id === input.agreementId,
    )
    const key = planLineKey(row, lineCurrency(row, agreement))
    let line = lines.get(key)
    let outcome: ImportOutcome = 'unchanged'
    if (!line) {
      line = { id: await session.financing.addLine(input, author), committed_on: null, key }
      lines.set(key, line)
      outcome = 'created'
    }
    if (committedOn && !line.committed_on) {
      await session.financing.commitLine(line.id, committedOn, author)
      line.committed_on = committedOn
      if (outcome === 'unchanged') outcome = 'updated'
    }
    return outcome
  },
  applyAll: (session, rows, author, memo, at) =>
    writePlanLines(session, rows, author, memo, at, planLines.apply),
}
