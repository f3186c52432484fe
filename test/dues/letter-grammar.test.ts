import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { civilityOf, ofMember, salutation } from '@shared/dues/letter-grammar'
import type { LetterBatchInput } from '@shared/dues/letters'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** A letter's words on one line: the PDF wraps its paragraphs where the page ends. */
const letterText = async (path: string) =>
  (await promisify(execFile)('pdftotext', [path, '-'])).stdout.replace(/\s+/g, ' ')

async function letter(batch: LetterBatchInput): Promise<string> {
  const job = await app.ok('letters.begin', batch)
  for (;;) {
    const step = await app.ok('letters.step', { jobId: job.jobId })
    if (step.result) return letterText(step.result.path)
  }
}

describe('the letters’ grammar', () => {
  it('gives a member the article its name takes, elided before a vowel', () => {
    expect(ofMember('Ville de Lomé', 'fr')).toBe('de la Ville de Lomé')
    expect(ofMember('Association des communes du Togo', 'fr')).toBe(
      'de l’Association des communes du Togo',
    )
    expect(ofMember('Union des villes et communes de Côte d’Ivoire', 'fr')).toBe(
      'de l’Union des villes et communes de Côte d’Ivoire',
    )
    expect(ofMember('District autonome d’Abidjan', 'fr')).toBe('du District autonome d’Abidjan')
    expect(ofMember('Réseau des villes du Sahel', 'fr')).toBe('du Réseau des villes du Sahel')
    expect(ofMember('Plateforme des collectivités', 'fr')).toBe(
      'de la Plateforme des collectivités',
    )
    expect(ofMember('Dakar', 'fr')).toBe('de Dakar')
    expect(ofMember('Abidjan', 'fr')).toBe('d’Abidjan')
    expect(ofMember('Ville de Lomé', 'en')).toBe('Ville de Lomé')
  })

  it('greets a mayor as a mayor and a president as a president, by civility when known', () => {
    expect(civilityOf('Mme Yawa Djigbodi')).toBe('f')
    expect(civilityOf('M. Koffi Mensah')).toBe('m')
    expect(civilityOf('Koffi Mensah')).toBeNull()
    expect(salutation('city', 'Mme Yawa Djigbodi', 'fr')).toBe('Madame la Maire')
    expect(salutation('city', 'Monsieur Barthélémy Dias', 'fr')).toBe('Monsieur le Maire')
    expect(salutation('city', null, 'fr')).toBe('Madame la Maire, Monsieur le Maire')
    expect(salutation('national_association', 'M. Koffi Mensah', 'fr')).toBe(
      'Monsieur le Président',
    )
    expect(salutation('regional_platform', 'Mme Awa Ndiaye', 'fr')).toBe('Madame la Présidente')
    expect(salutation('associate', null, 'fr')).toBe('Madame la Présidente, Monsieur le Président')
    expect(salutation('national_association', null, 'en')).toBe('Dear President')
  })

  it('greets the head by the civility recorded on the member, before what its name says', () => {
    expect(salutation('city', 'Yawa Djigbodi', 'fr', 'f')).toBe('Madame la Maire')
    expect(salutation('city', 'Yawa Djigbodi', 'fr')).toBe('Madame la Maire, Monsieur le Maire')
    expect(salutation('national_association', 'Koffi Mensah', 'fr', 'm')).toBe(
      'Monsieur le Président',
    )
    expect(salutation('regional_platform', 'M. Koffi Mensah', 'fr', 'f')).toBe(
      'Madame la Présidente',
    )
  })

  it('a civility chosen on the member is kept and greets its mayor in the letters; an unknown one is refused', async () => {
    app = await startTestApp()
    const fields = {
      kind: 'city' as const,
      name: 'Ville de Niamey',
      country: 'NE' as const,
      leaderName: 'Aïssata Maïga',
      status: 'active' as const,
    }
    const refused = await app.call('members.create', { ...fields, leaderCivility: 'x' as 'f' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.fields?.map((f) => f.path)).toEqual(['leaderCivility'])
    const niamey = await app.ok('members.create', { ...fields, leaderCivility: 'f' })
    expect(niamey.leaderCivility).toBe('f')
    const read = await app.ok('members.get', { id: niamey.id })
    expect(read.leaderCivility).toBe('f')
    await app.ok('dues.saveScale', {
      year: 2025,
      bands: [
        { memberKind: 'city', populationFrom: 0, amount: '2500', currency: 'EUR', label: 'Ville' },
      ],
    })
    await app.ok('dues.generateCalls', { year: 2025, calledOn: '2025-01-15', dueOn: '2025-03-31' })
    app.host.nextExportPath = join(app.folder, 'niamey.pdf')
    const text = await letter({ kind: 'reminder', ids: [niamey.id], into: 'pdf' })
    expect(text).toContain(
      'Madame la Maire, Sauf erreur de notre part, les cotisations de la Ville de Niamey',
    )
    expect(text).not.toContain('Monsieur le Maire')
  })

  it('writes a city’s and an association’s reminders in their own words, even from an old template', async () => {
    app = await startTestApp()
    const lome = await app.ok('members.create', {
      kind: 'city',
      name: 'Ville de Lomé',
      country: 'TG',
      population: 1_500_000,
      leaderName: 'Mme Yawa Djigbodi',
      status: 'active',
    })
    const togo = await app.ok('members.create', {
      kind: 'national_association',
      name: 'Association des communes du Togo',
      country: 'TG',
      leaderName: 'M. Koffi Mensah',
      status: 'active',
    })
    await app.ok('dues.saveScale', {
      year: 2025,
      bands: [
        { memberKind: 'city', populationFrom: 0, amount: '2500', currency: 'EUR', label: 'Ville' },
        {
          memberKind: 'national_association',
          populationFrom: 0,
          amount: '1200',
          currency: 'EUR',
          label: 'Association',
        },
      ],
    })
    await app.ok('dues.generateCalls', { year: 2025, calledOn: '2025-01-15', dueOn: '2025-03-31' })

    app.host.nextExportPath = join(app.folder, 'lome.pdf')
    const city = await letter({ kind: 'reminder', ids: [lome.id], into: 'pdf' })
    expect(city).toContain(
      'Madame la Maire, Sauf erreur de notre part, les cotisations de la Ville de Lomé',
    )
    expect(city).toContain('Nous vous prions d’agréer, Madame la Maire, l’expression')

    app.host.nextExportPath = join(app.folder, 'togo.pdf')
    const association = await letter({ kind: 'reminder', ids: [togo.id], into: 'pdf' })
    expect(association).toContain(
      'Monsieur le Président, Sauf erreur de notre part, les cotisations de l’Association des communes du Togo',
    )
    expect(association).not.toMatch(/Maire,|de Association/)

    // A template edited before the letters knew their grammar still reads right.
    await app.ok('letters.saveTemplate', {
      kind: 'reminder',
      language: 'fr',
      subject: 'Relance',
      body: 'Madame, Monsieur le Maire,\n\nLes cotisations de {{membre}} restent dues : {{arrieres}}.',
    })
    app.host.nextExportPath = join(app.folder, 'togo-2.pdf')
    const edited = await letter({ kind: 'reminder', ids: [togo.id], into: 'pdf' })
    expect(edited).toContain(
      'Monsieur le Président, Les cotisations de l’Association des communes du Togo restent dues : 1 200,00 €.',
    )
  })
})
