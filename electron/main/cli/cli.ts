import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { keepHeapTight } from '../app/heap'
import { DataFile } from '../db/data-file'
import { fundsSummary } from '../funds/ledger'
import { summaryJson, summaryText } from './summary-output'
import { today } from '@shared/validation/calendar'
import { AppFailure, formatParams } from '../failure'
import { isLanguage, type Language } from '@shared/i18n/locale'
import { translate, type MessageParams } from '@shared/i18n/translate'
import type { MessageKey } from '@shared/i18n/messages/catalog'

/*
 * Only what opening a file and its first figures need (`summary`) is loaded with the command
 * line; every other command's modules — the workbook's, the reports' (exceljs, pdfmake), sync,
 * the demo — are loaded when that command runs: a fresh start parses a quarter of the code.
 */

/**
 * `aimf`: the same core as the desktop application, without a window, for support,
 * automation and tests. Exit codes: 0 done, 1 the file has problems, 2 the command was wrong
 * or could not run.
 */
export async function runCli(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  // With --json, even a refused command answers one JSON document on stdout.
  const refuse = (code: string, message: string) => {
    if (argv.includes('--json')) out(JSON.stringify({ error: { code, message } }, null, 2))
    else err(message)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        demo: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        year: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        lang: { type: 'string' },
        status: { type: 'string' },
        country: { type: 'string' },
        programme: { type: 'string' },
        search: { type: 'string' },
        late: { type: 'boolean', default: false },
        agreement: { type: 'string' },
        from: { type: 'string' },
        format: { type: 'string' },
        'org-ref': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        years: { type: 'string' },
        seed: { type: 'string' },
        folder: { type: 'string' },
        postgres: { type: 'string' },
        passphrase: { type: 'string' },
        force: { type: 'boolean', default: false },
        delete: { type: 'string' },
        date: { type: 'string' },
        note: { type: 'string' },
      },
    })
  } catch (error) {
    return refuse(
      'USAGE',
      translate(envLanguage(), 'cli.badOption', { detail: (error as Error).message }),
    )
  }
  const language: Language = isLanguage(parsed.values.lang) ? parsed.values.lang : envLanguage()
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params)
  const [command, fileArgument] = parsed.positionals

  if (parsed.values.help || !command || command === 'help') {
    for (const key of ['cli.usage', 'cli.commands'] as const) out(t(key))
    for (const key of [
      'cli.helpNew',
      'cli.helpCheck',
      'cli.helpSummary',
      'cli.helpProjects',
      'cli.helpSheet',
      'cli.helpDues',
      'overhead.cli.help',
      'cli.helpReport',
      'cli.helpIati',
      'accounting.cli.helpFec',
      'accounting.cli.helpEntries',
      'cli.helpTemplate',
      'cli.helpExport',
      'cli.helpImport',
      'cli.helpBackup',
      'cli.helpBackups',
      'cli.helpRestore',
      'cli.helpGenerate',
      'cli.helpSync',
      'cli.helpSyncStatus',
      'cli.helpMissionCopy',
      'cli.helpHelp',
    ] as const) {
      out(`  ${t(key)}`)
    }
    out(t('cli.helpLang'))
    return command || parsed.values.help ? 0 : 2
  }
  if (
    ![
      'new',
      'check',
      'summary',
      'projects',
      'sheet',
      'dues',
      'overhead',
      'report',
      'iati',
      'template',
      'export',
      'import',
      'backup',
      'backups',
      'restore',
      'generate',
      'sync',
      'sync-status',
      'mission-copy',
      'fec',
      'entries',
    ].includes(command)
  ) {
    return refuse('USAGE', t('cli.unknownCommand', { command }))
  }
  if (command === 'template') {
    const { registersCommand } = await import('./workbook-command')
    return await registersCommand(null, parsed.values.out, language, out, err)
  }
  if (!fileArgument) {
    return refuse('USAGE', t('cli.missingFile', { command }))
  }
  const path = resolve(fileArgument)
  try {
    if (command === 'new') {
      const file = await DataFile.create(path, { isDemo: parsed.values.demo })
      try {
        if (parsed.values.demo) await (await import('../demo/build-demo')).buildDemo(file)
      } finally {
        await file.close()
      }
      out(t(parsed.values.demo ? 'cli.createdDemo' : 'cli.created', { path }))
      return 0
    }
    if (command === 'generate') {
      const years = Number(parsed.values.years ?? 20)
      const seed = Number(parsed.values.seed ?? 1)
      if (!(Number.isInteger(years) && years >= 1 && years <= 40)) {
        err(t('cli.badOption', { detail: `--years ${parsed.values.years}` }))
        return 2
      }
      if (!(Number.isInteger(seed) && seed >= 0)) {
        err(t('cli.badOption', { detail: `--seed ${parsed.values.seed}` }))
        return 2
      }
      const { generateCommand } = await import('./generate-command')
      return await generateCommand(path, { years, seed }, language, out, err)
    }
    if (command === 'summary') {
      const year = parsed.values.year === undefined ? null : Number(parsed.values.year)
      if (year !== null && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
        err(t('cli.badOption', { detail: `--year ${parsed.values.year}` }))
        return 2
      }
      // The figures at once, as the window's first screen; then the full check, as opening a file
      // does in the background: a damaged file is still said, and the command fails.
      const file = await DataFile.open(path, { quickly: true })
      try {
        const summary = await fundsSummary(file.db, year, today())
        if (parsed.values.json) out(JSON.stringify(summaryJson(summary), null, 2))
        else for (const line of summaryText(summary, language)) out(line)
        const damage = await file.checked()
        if (damage) throw damage
      } finally {
        await file.close()
      }
      return 0
    }
    if (command === 'projects') {
      const { status, country, programme, search, late, json } = parsed.values
      const { projectsCommand } = await import('./projects-command')
      return await projectsCommand(
        path,
        { status, country, programme, search, lateTranches: late || undefined },
        json,
        language,
        out,
        err,
      )
    }
    if (command === 'dues') {
      const year = Number(parsed.values.year ?? new Date().getFullYear())
      if (!(Number.isInteger(year) && year >= 1979 && year <= 2100)) {
        err(t('cli.badOption', { detail: `--year ${parsed.values.year}` }))
        return 2
      }
      const { duesCommand } = await import('./dues-command')
      return await duesCommand(path, year, parsed.values.json, language, out)
    }
    if (command === 'overhead') {
      const { agreement, date, note, json } = parsed.values
      const { overheadCommand } = await import('./overhead-command')
      return await overheadCommand(
        path,
        parsed.positionals[2],
        { agreement, date, note, json, author: cliAuthor() },
        language,
        out,
        err,
      )
    }
    if (command === 'report') {
      const { agreement, year, from, to, format, out: target } = parsed.values
      const { reportCommand } = await import('./report-command')
      return await reportCommand(
        path,
        parsed.positionals[2],
        { agreement, year, from, to, format, out: target },
        language,
        out,
        err,
      )
    }
    if (command === 'sync' || command === 'sync-status' || command === 'mission-copy') {
      const { syncCommand } = await import('./sync-command')
      return await syncCommand(
        command,
        path,
        {
          folder: parsed.values.folder,
          postgres: parsed.values.postgres,
          passphrase: parsed.values.passphrase,
          target: parsed.positionals[2],
          json: parsed.values.json,
          author: cliAuthor(),
        },
        language,
        out,
        err,
      )
    }
    if (command === 'export') {
      const { registersCommand } = await import('./workbook-command')
      return await registersCommand(path, parsed.values.out, language, out, err)
    }
    if (command === 'import') {
      const { importCommand } = await import('./workbook-command')
      return await importCommand(
        path,
        parsed.positionals[2],
        { dryRun: parsed.values['dry-run'], json: parsed.values.json, author: cliAuthor() },
        language,
        out,
        err,
      )
    }
    if (command === 'iati') {
      const { iatiCommand } = await import('./iati-command')
      return await iatiCommand(
        path,
        parsed.values.out,
        parsed.values['org-ref'],
        language,
        out,
        err,
      )
    }
    if (command === 'fec' || command === 'entries') {
      const { year, format, out: target } = parsed.values
      const { entriesCommand } = await import('./accounting-command')
      return await entriesCommand(command, path, { year, format, out: target }, language, out, err)
    }
    if (command === 'sheet') {
      const { sheetCommand } = await import('./projects-command')
      return await sheetCommand(path, parsed.positionals[2], parsed.values.out, language, out, err)
    }
    if (command === 'backup' || command === 'backups' || command === 'restore') {
      const { backupCommand } = await import('./backup-commands')
      return await backupCommand(
        command,
        path,
        parsed.positionals[2],
        { to: parsed.values.to, force: parsed.values.force, delete: parsed.values.delete },
        language,
        out,
        err,
      )
    }
    const { checkFile } = await import('../check/file-check')
    const problems = await checkFile(path)
    if (problems.length === 0) {
      out(t('check.ok', { path }))
      return 0
    }
    err(t('check.failed', { path, count: problems.length }))
    for (const problem of problems)
      err(`  - ${t(problem.key, formatParams(problem.params, language))}`)
    return 1
  } catch (error) {
    if (error instanceof AppFailure)
      return refuse(error.code, t(error.key, formatParams(error.params, language)))
    throw error
  }
}

function envLanguage(): Language {
  const wanted = process.env.AIMF_LANG ?? ''
  return isLanguage(wanted) ? wanted : 'fr'
}

/** Runs the command line as the program (`main.ts`): its arguments, streams and exit code. */
export function runAsProgram(): void {
  keepHeapTight()
  // A reader that stops early (`aimf import … | head`) is not a fault of the command.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
      throw error
    })
  }
  runCli(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  ).then(
    (code) => exitWhenWritten(code),
    (error: unknown) => {
      console.error(error)
      exitWhenWritten(2)
    },
  )
}

/**
 * Exits once stdout and stderr have handed everything to the system: writes to a pipe are
 * asynchronous, and exiting at once cut a long JSON report at 64 KiB (`aimf import --json |`).
 */
function exitWhenWritten(code: number): void {
  let waiting = 2
  const done = () => {
    waiting -= 1
    if (waiting === 0) process.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}

/** Who the change log names for a change made from the command line. */
function cliAuthor(): string {
  try {
    return `aimf (${userInfo().username})`
  } catch {
    return 'aimf'
  }
}
