import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { LetterBatchInput } from '@shared/dues/letters'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

const pdfText = async (path: string) =>
  (await promisify(execFile)('pdftotext', ['-layout', path, '-'])).stdout

/** Runs a batch of letters as the window does: begin, then step until it is written. */
async function letters(batch: LetterBatchInput) {
  const job = await app.ok('letters.begin', batch)
  const steps: number[] = []
  for (;;) {
    const step = await app.ok('letters.step', { jobId: job.jobId })
    steps.push(step.done)
    if (step.result) return { ...step.result, steps }
  }
}

async function setUp() {
  app = await startTestApp()
  const members = []
  for (const [name, country] of [
    ['Ville de Niamey', 'NE'],
    ['Ville de Kinshasa', 'CD'],
  ]) {
    members.push(
      await app.ok('members.create', {
        kind: 'city',
        name: name ?? '',
        country: country as 'NE',
        population: 1_500_000,
        leaderName: 'Madame la Maire',
        status: 'active',
      }),
    )
  }
  for (const year of [2024, 2025]) {
    await app.ok('dues.saveScale', {
      year,
      bands: [
        { memberKind: 'city', populationFrom: 0, amount: '2500', currency: 'EUR', label: 'Ville' },
      ],
    })
    await app.ok('dues.generateCalls', { year, calledOn: `${year}-01-15`, dueOn: `${year}-03-31` })
  }
  return members
}

describe('dues letters', () => {
  it('writes a reminder with the member, the calls still owed and the total, in French or English', async () => {
    const [niamey] = await setUp()
    await app.ok('dues.addPayment', {
      confirmed: true,
      memberId: niamey?.id ?? '',
      kind: 'dues',
      receivedOn: '2025-06-01',
      amount: '1000',
      currency: 'EUR',
      method: 'transfer',
    })
    app.host.nextExportPath = join(app.folder, 'relance.pdf')
    const written = await letters({ kind: 'reminder', ids: [niamey?.id ?? ''], into: 'pdf' })
    expect(written).toMatchObject({ letters: 1, path: app.host.nextExportPath })
    const text = await pdfText(written.path)
    expect(text).toContain('Ville de Niamey')
    expect(text).toContain('Relance — cotisations restant dues')
    expect(text).toMatch(/pour un\s+total\s+de\s+4\s000,00\s€/)
    expect(text).toMatch(/AC-2024-0002\s+2024\s+2 500,00 €\s+1 000,00 €\s+1 500,00 €/)
    expect(text).toContain('AC-2025-0002')

    app.host.nextExportPath = join(app.folder, 'reminder.pdf')
    const english = await pdfText(
      (await letters({ kind: 'reminder', ids: [niamey?.id ?? ''], into: 'pdf', language: 'en' }))
        .path,
    )
    expect(english).toMatch(/for a total of\s+€4,000.00/)
  })

  it('batches letters one PDF per member into a folder, step by step, from an edited template', async () => {
    const members = await setUp()
    await app.ok('letters.saveTemplate', {
      kind: 'call',
      language: 'fr',
      subject: 'Cotisation {{annee}} de {{membre}}',
      body: 'Montant appelé : {{montant}}, à régler avant le {{echeance}}.',
    })
    const calls = await app.ok('dues.calls', { year: 2025 })
    app.host.nextFolder = app.folder
    const written = await letters({ kind: 'call', ids: calls.map((c) => c.id), into: 'folder' })
    expect(written.letters).toBe(members.length)
    const files = (await readdir(app.folder)).filter((f) => f.endsWith('.pdf')).sort()
    expect(files).toHaveLength(2)
    const text = await pdfText(join(app.folder, files[0] ?? ''))
    // The edited « de {{membre}} » takes the member's article: never « de Ville de… ».
    expect(text).toMatch(/Cotisation 2025 de la Ville de (Kinshasa|Niamey)/)
    expect(text).toContain('Montant appelé : 2 500,00 €, à régler avant le 31/03/2025.')

    app.host.nextFolder = null
    const cancelled = await app.call('letters.begin', {
      kind: 'call',
      ids: [calls[0]?.id ?? ''],
      into: 'folder',
    })
    expect(cancelled.ok).toBe(false)
  })
})
