import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { aimf } from '../support/cli'
import { startTestApp, type TestApp } from '../support/core'
import { damagePage, growFile } from '../support/files'

let app: TestApp | undefined
afterEach(async () => app?.core.dispose())

/** What no operation may leave in a user's folder: temporary files, journals, logs. */
const DEBRIS = /(-wal|-shm|-journal|\.partial|\.tmp|\.part|\.creating|\.restoring|\.probe)$/

async function walk(root: string, folder: string = root): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    found.push(relative(root, path))
    if (entry.isDirectory()) found.push(...(await walk(root, path)))
  }
  return found
}

describe('the folder after every operation', () => {
  it('holds the user’s files, their backups and outputs, and no debris', async () => {
    const window = await startTestApp({ openFile: false })
    app = window
    const folder = window.folder
    const compta = join(folder, 'compta.sqlite')
    const usb = join(folder, 'cle-usb')
    const share = join(folder, 'partage')
    await mkdir(share)
    const notOurs = join(folder, 'notes.sqlite')
    await writeFile(notOurs, 'pas une base')
    const codes: Record<string, number> = {}
    const cli = (label: string, ...args: string[]) =>
      [label, async () => (codes[label] = (await aimf(...args)).code)] as const
    const lastBackup = async (trigger: string) =>
      new RegExp(`\\S+\\.${trigger}\\.[0-9a-f]{16}\\.sqlite`).exec(
        (await aimf('backups', compta)).out,
      )?.[0] ?? ''
    const host = window.host

    const steps: (readonly [string, () => Promise<unknown>])[] = [
      cli('new', 'new', compta, '--demo'),
      cli('check', 'check', compta),
      cli('summary', 'summary', compta, '--json'),
      cli('dues', 'dues', compta, '--year', '2025'),
      cli('projects', 'projects', compta),
      cli('sync-status', 'sync-status', compta),
      cli('backups', 'backups', compta),
      cli('backup', 'backup', compta, '--to', usb),
      [
        'restore by name',
        async () =>
          (codes['restore by name'] = (
            await aimf('restore', compta, await lastBackup('manual'))
          ).code),
      ],
      [
        'restore from the stick',
        async () => {
          const [copy = ''] = await readdir(usb)
          codes['restore from the stick'] = (await aimf('restore', compta, join(usb, copy))).code
        },
      ],
      cli('restore refused', 'restore', compta, notOurs),
      cli('backup --to a file', 'backup', compta, '--to', notOurs),
      cli('mission-copy', 'mission-copy', compta, join(folder, 'mission.sqlite')),
      cli('export', 'export', compta, '--out', join(folder, 'export.xlsx')),
      cli('template', 'template', '--out', join(folder, 'modele.xlsx')),
      cli('import --dry-run', 'import', compta, join(folder, 'export.xlsx'), '--dry-run'),
      cli(
        'report',
        'report',
        compta,
        'donor',
        '--agreement',
        'UE-ANE-2010-CI-BF',
        '--format',
        'pdf',
        '--out',
        join(folder, 'ue.pdf'),
      ),
      cli(
        'report xlsx',
        'report',
        compta,
        'budget',
        '--year',
        '2025',
        '--format',
        'xlsx',
        '--out',
        join(folder, 'budget.xlsx'),
      ),
      cli('iati', 'iati', compta, '--out', join(folder, 'iati.xml')),
      cli('sheet', 'sheet', compta, 'FC-2019-014', '--out', join(folder, 'fiche.pdf')),
      cli('sync', 'sync', compta, '--folder', share),
      ['window: open', () => window.core.openFile(compta)],
      ['window: backup', () => window.ok('backups.create', {})],
      [
        'window: restore',
        async () => {
          const manual = (await window.ok('backups.list', {})).find((b) => b.trigger === 'manual')
          await window.ok('backups.restore', { name: manual?.name ?? '' })
        },
      ],
      [
        'window: export',
        async () => {
          host.nextExportPath = join(folder, 'export-fenetre.xlsx')
          await window.ok('workbook.export', {})
        },
      ],
      [
        'window: journal',
        async () => {
          host.nextExportPath = join(folder, 'journal.csv')
          await window.ok('history.exportJournal', {})
        },
      ],
      [
        'window: mission copy',
        async () => {
          host.nextNewFilePath = join(folder, 'mission-2.sqlite')
          await window.ok('sync.missionCopy', {})
        },
      ],
      [
        'window: delete a backup',
        async () => {
          const list = await window.ok('backups.list', {})
          await window.ok('backups.delete', { name: list.at(-1)?.name ?? '' })
        },
      ],
      [
        'window: close',
        async () => {
          await window.core.closeFile()
        },
      ],
      [
        'damage',
        async () => {
          const file = await import('../../electron/main/db/data-file').then((m) =>
            m.DataFile.open(compta),
          )
          await growFile(file)
          await file.close()
          await damagePage(compta, -3)
        },
      ],
      cli('check damaged', 'check', compta),
      cli('backups damaged', 'backups', compta),
      cli('summary damaged', 'summary', compta),
      [
        'restore damaged',
        async () =>
          (codes['restore damaged'] = (
            await aimf('restore', compta, await lastBackup('manual'))
          ).code),
      ],
      cli('check restored', 'check', compta),
    ]
    for (const [label, run] of steps) {
      await run()
      // The file open in the window has its write-ahead log beside it, as long as it is open.
      const open = window.core.fileInfo()?.path
      const listing = (await walk(folder)).filter((name) => join(folder, name) !== `${open}-wal`)
      expect(
        listing.filter((name) => DEBRIS.test(name)),
        label,
      ).toEqual([])
    }
    expect(codes).toMatchObject({
      new: 0,
      check: 0,
      summary: 0,
      backup: 0,
      'restore by name': 0,
      'restore from the stick': 0,
      'restore refused': 2,
      'backup --to a file': 2,
      'mission-copy': 0,
      export: 0,
      report: 0,
      'report xlsx': 0,
      iati: 0,
      sheet: 0,
      sync: 0,
      'check damaged': 1,
      'backups damaged': 0,
      'summary damaged': 2,
      'restore damaged': 0,
      'check restored': 0,
    })
  }, 300_000)
})
