/**
 * Runs inside a mount namespace where `folder` is a small tmpfs (see full-disk-files.test.ts):
 * runs the commands that write files — a backup, a mission copy, a new file, an export, a report,
 * a sync to a shared folder, a restore — on a disk too full for them, and prints, as one JSON line each, what the user was
 * told and what the folder holds afterwards.
 */
import { childArguments } from '../support/child-arguments'
import { createHash } from 'node:crypto'
import { appendFile, copyFile, readFile, readdir, rm, statfs, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { runCli } from '../../electron/main/cli/cli'

process.on('SIGXFSZ', () => undefined)
const [folder = '', source = '', damagedSource = '', outsideBackup = ''] = childArguments()

async function listing(root: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name)
    found.push(relative(folder, path) + (entry.isDirectory() ? '/' : ''))
    if (entry.isDirectory()) found.push(...(await listing(path)))
  }
  return found.sort()
}

async function step(name: string, ...args: string[]): Promise<void> {
  const out: string[] = []
  const err: string[] = []
  let code: number
  try {
    code = await runCli(
      args,
      (l) => out.push(l),
      (l) => err.push(l),
    )
  } catch (error) {
    code = -1
    err.push(`CRASH ${String(error)}`)
  }
  process.stdout.write(
    `${JSON.stringify({ name, code, out: out.join('\n'), err: err.join('\n'), listing: await listing(folder) })}\n`,
  )
}

const compta = join(folder, 'compta.sqlite')
const damaged = join(folder, 'abime.sqlite')
await copyFile(source, compta)
await copyFile(damagedSource, damaged)
// Less room than one more copy of the file.
await step('backup', 'backup', compta)
await step('mission-copy', 'mission-copy', compta, join(folder, 'mission.sqlite'))
// Then the disk is filled up to a few pages.
const space = await statfs(folder)
const filler = join(folder, 'remplissage.bin')
await writeFile(filler, Buffer.alloc(Math.max(0, space.bavail * space.bsize - 8 * 1024)))
await step('new', 'new', join(folder, 'nouveau.sqlite'))
// Opening the file to write to it needs a little room too.
await step('open', 'summary', compta)
// Exports of a file elsewhere, into the full disk.
await step('export', 'export', source, '--out', join(folder, 'export.xlsx'))
await step(
  'report',
  'report',
  source,
  'fund',
  '--format',
  'pdf',
  '--out',
  join(folder, 'fonds.pdf'),
)
// Changes sent to a shared folder (a USB stick) that is full: the last pages are taken too.
const rest = await statfs(folder)
await appendFile(filler, Buffer.alloc(rest.bavail * rest.bsize)).catch(() => undefined)
await step('sync', 'sync', source, '--folder', join(folder, 'partage'))
const damagedBefore = await digest(damaged)
await step('restore-damaged', 'restore', damaged, outsideBackup)
process.stdout.write(
  `${JSON.stringify({ name: 'damaged-untouched', same: damagedBefore === (await digest(damaged)) })}\n`,
)
// Room again: the file is checked as it was left.
await rm(filler)
await step('check', 'check', compta)

async function digest(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}
