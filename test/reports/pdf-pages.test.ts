import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectSheet } from '../../electron/main/projects/project-sheet'
import { buildReport, writeReport } from '../../electron/main/reports/build-report'
import { renderPdf } from '../../electron/main/reports/pdf-document'
import type { LetterBatchInput } from '@shared/dues/letters'
import type { Agreement } from '@shared/funds/schema'
import { LANGUAGES, type Language } from '@shared/i18n/locale'
import { reportRequest, type ReportRequest } from '@shared/reports/model'
import { startDemoApp, type TestApp } from '../support/core'
import { renderFirstPage } from '../support/exports'
import { overlappingWords, pdfWords, wordsOutside } from '../support/pdf-bounds'

const run = promisify(execFile)

let app: TestApp
beforeAll(async () => {
  app = await startDemoApp()
}, 180_000)
afterAll(async () => app?.core.dispose())

/** Letters of each kind drawn: enough for every shape of letter, not the whole year's mail. */
const LETTERS_PER_KIND = 25

/** Where a printer may not reach: no word closer than this to an edge (5 mm). */
const PRINTABLE_MARGIN = 14

/** Every word of the PDF on its page, inside the printable area, and none over another. */
async function expectWithinPages(path: string): Promise<number> {
  const pages = await pdfWords(path)
  const outside = wordsOutside(pages, PRINTABLE_MARGIN).map(
    (w) => `p.${w.page} « ${w.text} » x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}`,
  )
  expect(outside, path).toEqual([])
  const overlapping = overlappingWords(pages).map(
    ([a, b]) => `p.${a.page} « ${a.text} » over « ${b.text} »`,
  )
  expect(overlapping, path).toEqual([])
  expect(pages.flatMap((page) => page.words).length, path).toBeGreaterThan(20)
  return pages.length
}

/** The document properties a reader shows (pdfinfo). */
async function properties(path: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [path])
  return Object.fromEntries(
    stdout.split('\n').map((line) => {
      const at = line.indexOf(':')
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()]
    }),
  )
}

const session = () => app.core.requireSession()

/**
 * Every report the demo gives, with the donor report of an agreement of each kind: each
 * currency, with headings or without, spent from or not yet (the demo's thirty untied grants
 * differ only by their figures).
 */
async function everyReport(): Promise<[string, ReportRequest][]> {
  const kinds = new Map<string, Agreement>()
  for (const agreement of await app.ok('agreements.list', {})) {
    const detail = await app.ok('agreements.get', { id: agreement.id })
    const kind = [
      detail.currency,
      detail.budget.headings.length > 0,
      detail.figures.spent > 0,
      detail.fundClass,
    ].join('|')
    if (!kinds.has(kind)) kinds.set(kind, agreement)
  }
  expect(kinds.size).toBeGreaterThan(5)
  return [
    ...[...kinds.values()].map(
      (a) =>
        [`donor-${a.reference}`, { kind: 'donor', agreementId: a.id }] as [string, ReportRequest],
    ),
    ['budget-2025', { kind: 'budget', year: 2025 }],
    ['budget-2026', { kind: 'budget', year: 2026 }],
    ['fund', { kind: 'fund', to: '2025-12-31' }],
    ['projects', { kind: 'projects', from: '2000-01-01', to: '2099-12-31' }],
    ['dues-2025', { kind: 'dues', year: 2025 }],
  ]
}

describe('every PDF of the demo lies within its pages, in French and in English', () => {
  it('every report', async () => {
    const folder = join(app.folder, 'reports')
    await mkdir(folder, { recursive: true })
    const organisation = (await session().organisation.get()).name
    let pages = 0
    for (const [name, request] of await everyReport()) {
      for (const language of LANGUAGES) {
        const report = await buildReport(
          session(),
          reportRequest.parse({ ...request, language }),
          language,
        )
        const path = join(folder, `${name}-${language}.pdf`)
        await writeReport(report, 'pdf', path)
        pages += await expectWithinPages(path)
        const info = await properties(path)
        expect(info.Title).toBe(report.title)
        expect(info.Author).toBe(organisation)
        expect(info.Subject).toContain(report.parameters[0]?.value.slice(0, 20) ?? '')
      }
    }
    expect(pages).toBeGreaterThan(100)
    // The widest tables, looked at: artefacts of the run.
    await mkdir('test-results/reports', { recursive: true })
    for (const name of ['dues-2025-fr', 'projects-en', 'fund-fr', 'donor-UE-ANE-2010-CI-BF-en'])
      await renderFirstPage(join(folder, `${name}.pdf`), `test-results/reports/${name}`)
  }, 300_000)

  it('every fiche projet, the English title where there is one', async () => {
    const folder = join(app.folder, 'sheets')
    await mkdir(folder, { recursive: true })
    const organisation = await session().organisation.get()
    const projects = await app.ok('projects.list', {})
    expect(projects.length).toBeGreaterThan(10)
    let english = 0
    for (const summary of projects) {
      const project = await session().projects.get(summary.id)
      for (const language of LANGUAGES) {
        const programme =
          (await session().programmes.labels(language)).get(project.programme) ?? project.programme
        const { definition, frame } = projectSheet(
          project,
          programme,
          organisation,
          language,
          '2026-06-30',
        )
        const path = join(folder, `${project.code}-${language}.pdf`)
        await writeFile(path, await renderPdf(definition, { frame }))
        await expectWithinPages(path)
        const info = await properties(path)
        expect(info.Author).toBe(organisation.name)
        const title = language === 'en' && project.titleEn ? project.titleEn : project.title
        expect(info.Title).toBe(`${project.code} — ${title}`)
        if (language === 'en' && project.titleEn) english += 1
      }
    }
    expect(english).toBeGreaterThan(0)
  }, 300_000)

  it('every kind of dues letter, for every member it can go to', async () => {
    const members = await app.ok('members.list', {})
    const calls = await app.ok('dues.calls', { year: 2025 })
    const payments = await app.ok('dues.payments', { year: 2025 })
    const inArrears = [...new Set(calls.filter((c) => c.outstanding > 0).map((c) => c.memberId))]
    // The members with the longest names first: their address blocks and tables are the widest.
    const byName = new Map(members.map((m) => [m.id, m.name.length]))
    const longest = (ids: string[], memberOf: (id: string) => string) =>
      [...ids]
        .sort((a, b) => (byName.get(memberOf(b)) ?? 0) - (byName.get(memberOf(a)) ?? 0))
        .slice(0, LETTERS_PER_KIND)
    const callMember = new Map(calls.map((c) => [c.id, c.memberId]))
    const paymentMember = new Map(payments.map((p) => [p.id, p.memberId]))
    const batches: LetterBatchInput[] = [
      {
        kind: 'call',
        ids: longest(
          calls.map((c) => c.id),
          (id) => callMember.get(id) ?? '',
        ),
        into: 'pdf',
      },
      { kind: 'reminder', ids: longest(inArrears, (id) => id), into: 'pdf' },
      {
        kind: 'receipt',
        ids: longest(
          payments.map((p) => p.id),
          (id) => paymentMember.get(id) ?? '',
        ),
        into: 'pdf',
      },
      {
        kind: 'statement',
        ids: longest(
          members.map((m) => m.id),
          (id) => id,
        ),
        into: 'pdf',
        from: '2015-01-01',
      },
    ]
    const organisation = (await session().organisation.get()).name
    for (const batch of batches) {
      expect(batch.ids.length, batch.kind).toBeGreaterThan(0)
      for (const language of LANGUAGES) {
        const path = await letters(batch, language)
        const pages = await expectWithinPages(path)
        expect(pages).toBeGreaterThanOrEqual(batch.ids.length)
        expect((await properties(path)).Author).toBe(organisation)
      }
    }
  }, 300_000)
})

/** Runs a batch of letters as the window does, into one PDF; answers its path. */
async function letters(batch: LetterBatchInput, language: Language): Promise<string> {
  app.host.nextExportPath = join(app.folder, `letters-${batch.kind}-${language}.pdf`)
  const job = await app.ok('letters.begin', { ...batch, language })
  for (;;) {
    const step = await app.ok('letters.step', { jobId: job.jobId })
    if (step.result) return step.result.path
  }
}
