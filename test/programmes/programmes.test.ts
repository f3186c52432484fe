import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import type { Session } from '../../electron/main/app/session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { OPEN_READWRITE, closeNative, exec, openNative } from '../../electron/main/db/sqlite-native'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import { AppFailure } from '../../electron/main/failure'
import { DEFAULT_PROGRAMME_CODES } from '@shared/programmes/schema'
import type { ProjectFields } from '@shared/projects/schema'
import { tempFolder } from '../support/temp'
import { REGISTERS } from '../../electron/main/workbook/registers'

const open: DataFile[] = []
afterEach(async () => {
  for (const file of open.splice(0)) await file.close().catch(() => undefined)
})

async function newFile(folder: string, name: string): Promise<Session> {
  const file = await DataFile.create(join(folder, name))
  open.push(file)
  return createSession(file)
}

/** The field a refusal names, and its message key. */
async function refusal(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    if (error instanceof AppFailure) return error.fields.map((f) => [f.path, f.key])
    throw error
  }
  throw new Error('not refused')
}

let members = 0

/** A project's fields, for a new member each time, in `programme`. */
async function aProject(session: Session, programme: string): Promise<ProjectFields> {
  members += 1
  const member = await session.members.create(
    {
      code: `M-${String(members).padStart(4, '0')}`,
      kind: 'city',
      name: `Ville ${members}`,
      country: 'RW',
      region: null,
      population: null,
      populationYear: null,
      leaderName: null,
      leaderCivility: null,
      address: null,
      email: null,
      phone: null,
      joinedOn: null,
      status: 'active',
      statusOn: null,
      statusReason: null,
      notes: null,
    },
    'Test',
  )
  return {
    code: null,
    title: 'Santé maternelle',
    titleEn: null,
    memberId: member.id,
    region: null,
    sectorCode: '13020',
    programme,
    nature: 'investment',
    currency: 'EUR',
    totalCost: '100000',
    startsOn: null,
    endsOn: null,
    objectives: null,
    description: null,
    descriptionEn: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
  }
}

describe('the AIMF programmes, a list the secretariat edits', () => {
  it('starts with the fourteen, adds, renames, archives; a project takes only a live one', async () => {
    const session = await newFile(await tempFolder(), 'f.sqlite')
    const programmes = session.programmes
    expect((await programmes.list()).map((p) => p.code)).toEqual([...DEFAULT_PROGRAMME_CODES])
    const family = await programmes.create(
      { code: null, label: 'Planification familiale', labelEn: 'Family planning' },
      'Test',
    )
    expect(family).toMatchObject({ code: 'planification_familiale', isDefault: false })
    expect(
      await refusal(
        programmes.create({ code: null, label: 'planification FAMILIALE', labelEn: null }, 'Test'),
      ),
    ).toEqual([['label', 'errors.programmeLabelTaken']])
    // A default renamed is stored under its own fixed id; its code stays.
    const health = (await programmes.list()).find((p) => p.code === 'health')
    if (!health) throw new Error('no health programme')
    const renamed = await programmes.update(
      health.id,
      { label: 'Santé et hygiène', labelEn: 'Health and hygiene' },
      'Test',
    )
    expect(renamed).toMatchObject({ id: health.id, code: 'health', label: 'Santé et hygiène' })

    const fields = await aProject(session, 'planification_familiale')
    const project = await session.projects.create(fields, 'Test')
    expect(project.programme).toBe('planification_familiale')
    await programmes.archive(family.id, 'Test')
    expect((await programmes.list()).map((p) => p.code)).not.toContain('planification_familiale')
    // The project keeps its programme when changed; a new one cannot take it, nor an unknown code.
    await session.projects.update(project.id, { ...fields, title: 'Santé des mères' }, 'Test')
    expect(
      await refusal(
        session.projects.create(await aProject(session, 'planification_familiale'), 'Test'),
      ),
    ).toEqual([['programme', 'errors.programmeArchived']])
    expect(
      await refusal(session.projects.create(await aProject(session, 'inconnu'), 'Test')),
    ).toEqual([['programme', 'errors.programmeUnknown']])
    await session.file.close()
    expect(await checkFile(session.file.path)).toEqual([])

    // A code no programme of the file has, written around the services: aimf check names it.
    const native = await openNative(session.file.path, OPEN_READWRITE)
    await exec(native, "UPDATE projects SET programme = 'sante_mentale'")
    await closeNative(native)
    expect(await checkFile(session.file.path)).toEqual([
      {
        key: 'check.projectProgrammeUnknown',
        params: { name: project.code, code: 'sante_mentale' },
      },
    ])
  })

  it('syncs like other records: a default renamed on one copy, a programme added on the other', async () => {
    const folder = await tempFolder()
    const share = join(folder, 'partage')
    await mkdir(share)
    const office = await newFile(folder, 'bureau.sqlite')
    await office.sync.syncFolder(share, 'Bureau')
    await missionCopy(office.file, office.sync, join(folder, 'mission.sqlite'))
    const missionFile = await DataFile.open(join(folder, 'mission.sqlite'))
    open.push(missionFile)
    const mission = createSession(missionFile)
    const climate = (await office.programmes.list()).find((p) => p.code === 'climate')
    if (!climate) throw new Error('no climate programme')
    await office.programmes.update(
      climate.id,
      { label: 'Climat et résilience', labelEn: null },
      'Bureau',
    )
    await mission.programmes.update(
      climate.id,
      { label: 'Climat', labelEn: 'Climate and cities' },
      'Mission',
    )
    await mission.programmes.create(
      { code: null, label: 'Assainissement', labelEn: 'Sanitation' },
      'Mission',
    )
    await mission.sync.syncFolder(share, 'Mission')
    await office.sync.syncFolder(share, 'Bureau')
    await mission.sync.syncFolder(share, 'Mission')
    const listed = async (session: Session) =>
      (await session.programmes.list({ includeArchived: true })).map((p) => [
        p.id,
        p.code,
        p.label,
        p.labelEn,
      ])
    expect(await listed(mission)).toEqual(await listed(office))
    expect((await listed(office)).map((p) => p[1])).toContain('assainissement')
    await office.file.close()
    expect(await checkFile(office.file.path)).toEqual([])
  })
})

describe('the programmes in the workbook', () => {
  it('exports them and imports them into another file; projects name them by name, the forgiving way', async () => {
    const folder = await tempFolder()
    const source = await newFile(folder, 'source.sqlite')
    await source.programmes.create(
      { code: null, label: 'Planification familiale', labelEn: 'Family planning' },
      'Test',
    )
    const bytes = await registersWorkbook(REGISTERS, 'fr', source)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
    )
    const sheet = book.getWorksheet('Programmes')
    const rows: unknown[][] = []
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows).toContainEqual([
      'planification_familiale',
      'Planification familiale',
      'Family planning',
    ])
    // A project of another workbook names it without accents nor capitals.
    // Rows are written by their headings, so a column added to a sheet does not shift them.
    const byHeading = (sheetName: string, values: Record<string, unknown>) => {
      const sheet = book.getWorksheet(sheetName)
      const heading = (sheet?.getRow(1).values as unknown[]).slice(1)
      sheet?.addRow(heading.map((h) => values[String(h)] ?? null))
    }
    byHeading('Membres', {
      Code: 'M-0001',
      Type: 'Ville',
      Nom: 'Kigali',
      Pays: 'RW',
      Statut: 'Actif',
    })
    const projects = book.getWorksheet('Projets')
    const heading = (projects?.getRow(1).values as unknown[]).slice(1)
    const cells = heading.map(
      (h) =>
        ({
          Code: 'FC-2026-001',
          Titre: 'Santé',
          'Code du membre': 'M-0001',
          'Code secteur CAD (5 chiffres)': '13030',
          'Programme AIMF': 'planification familiale',
          Nature: 'Investissement',
          Devise: 'EUR',
          'Coût total': 1000,
          Statut: 'En instruction',
        })[String(h)] ?? null,
    )
    projects?.addRow(cells)
    const path = join(folder, 'classeur.xlsx')
    await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
    const target = await newFile(folder, 'cible.sqlite')
    const report = await importWorkbook(target, path, {
      dryRun: false,
      author: 'Test',
      language: 'fr',
      registers: REGISTERS,
    })
    expect(report.problems.filter((p) => p.blocking)).toEqual([])
    expect((await target.programmes.list()).map((p) => p.code)).toContain('planification_familiale')
    expect((await target.projects.list()).map((p) => p.programme)).toEqual([
      'planification_familiale',
    ])

    // Misspelt, it is refused with the closest names; in a file that lacks it, with every
    // programme the file accepts.
    const cell = projects?.getRow(2).getCell(heading.indexOf('Programme AIMF') + 1)
    if (cell) cell.value = 'Planification familial'
    const sheetPrograms = book.getWorksheet('Programmes')
    if (sheetPrograms) book.removeWorksheet(sheetPrograms.id)
    await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
    const dryRun = { dryRun: true, author: 'Test', language: 'fr', registers: REGISTERS } as const
    const misspelt = await importWorkbook(target, path, dryRun)
    expect(misspelt.problems.filter((p) => p.blocking)).toEqual([
      expect.objectContaining({
        sheet: 'Projets',
        row: 2,
        column: 'Programme AIMF',
        value: 'Planification familial',
        code: 'unknownReferenceClose',
        message: expect.stringContaining('« Planification familiale »'),
      }),
    ])
    const fresh = await newFile(folder, 'autre.sqlite')
    const refused = await importWorkbook(fresh, path, dryRun)
    expect(refused.problems.filter((p) => p.blocking)).toEqual([
      expect.objectContaining({
        sheet: 'Projets',
        row: 2,
        column: 'Programme AIMF',
        code: 'unknownReferenceChoices',
        message: expect.stringContaining('« Égalité femmes-hommes »'),
      }),
    ])
    expect(refused.problems.find((p) => p.blocking)?.message).toContain('« Numérique »')
  })
})
