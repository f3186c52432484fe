import { resolve } from 'node:path'
import { createSession } from '../app/create-session'
import { projectSheet } from '../projects/project-sheet'
import { writeExportFile } from '../reports/export-file'
import { renderPdf } from '../reports/pdf-document'
import { today } from '@shared/validation/dates'
import { DataFile } from '../db/data-file'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { projectListQuery } from '@shared/projects/schema'
import { issueMessage, issuePath } from '@shared/validation/issues'

/**
 * `aimf projects FILE [filters] [--json]`: the project list with the same filters, and the same
 * rule, as the window's list; one line a project, then the totals.
 */
export async function projectsCommand(
  path: string,
  filters: Record<string, string | boolean | undefined>,
  json: boolean,
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const query = projectListQuery.safeParse(
    Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
  )
  if (!query.success) {
    for (const issue of query.error.issues) {
      const { key, params } = issueMessage(issue)
      err(`--${issuePath(issue)}: ${translate(language, key, params)}`)
    }
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const projects = await createSession(file).projects.list(query.data)
    if (json) {
      out(JSON.stringify(projects, null, 2))
      return 0
    }
    const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
    for (const p of projects) {
      out(
        [
          p.code,
          translate(language, `projects.status.${p.status}`),
          p.country ?? '',
          p.memberName,
          p.title,
          euros(p.committedEur),
          euros(p.paidEur),
        ].join('\t'),
      )
    }
    out(
      translate(language, 'cli.projectsTotal', {
        count: projects.length,
        committed: euros(projects.reduce((sum, p) => sum + p.committedEur, 0)),
        paid: euros(projects.reduce((sum, p) => sum + p.paidEur, 0)),
      }),
    )
    return 0
  } finally {
    await file.close()
  }
}

/** `aimf sheet FILE CODE --out PATH.pdf [--lang en]`: a project's one-page sheet. */
export async function sheetCommand(
  path: string,
  code: string | undefined,
  outPath: string | undefined,
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (!code || !outPath) {
    err(translate(language, 'cli.missingSheetArgs'))
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const session = createSession(file)
    const found = (await session.projects.list({ search: code, includeArchived: true })).find(
      (p) => p.code.toLowerCase() === code.toLowerCase(),
    )
    if (!found) {
      err(translate(language, 'cli.unknownProject', { code }))
      return 2
    }
    const project = await session.projects.get(found.id)
    const sheet = projectSheet(
      project,
      (await session.programmes.labels(language)).get(project.programme) ?? project.programme,
      await session.organisation.get(),
      language,
      today(),
    )
    const target = resolve(outPath)
    await writeExportFile(target, await renderPdf(sheet.definition, { frame: sheet.frame }))
    out(translate(language, 'sheet.exported', { path: target }))
    return 0
  } finally {
    await file.close()
  }
}
