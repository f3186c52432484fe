import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportEntries } from '../../electron/main/accounting/entries-export'
import { runCli } from '../../electron/main/cli/cli'
import { DataFile } from '../../electron/main/db/data-file'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { fecProblems, latin9 } from '../support/fec-reader'
import { tempFolder } from '../support/temp'
import { TODAY } from './support'

let demoPath: string
let file: DataFile
let years: number[]

beforeAll(async () => {
  const folder = await tempFolder('file')
  demoPath = join(folder, 'demo.sqlite')
  file = await DataFile.create(demoPath, { isDemo: true })
  await file.fill(() => buildDemo(file))
  const span = await file.db
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.min('entry_date').as('first'), eb.fn.max('entry_date').as('last')])
    .executeTakeFirstOrThrow()
  const first = Number(String(span.first).slice(0, 4))
  const last = Number(String(span.last).slice(0, 4))
  years = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  return async () => {
    await file.close().catch(() => undefined)
  }
}, 120_000)

describe('the FEC of the demo', () => {
  it('follows the standard’s rules in every year', async () => {
    expect(years.length).toBeGreaterThan(10)
    for (const year of years) {
      const result = await exportEntries(file.db, year, 'fec', { today: TODAY, language: 'fr' })
      expect(result.fileName).toBe(`000000000FEC${year}1231.txt`)
      expect(fecProblems(result.bytes, year), String(year)).toEqual([])
      expect(result.lines).toBe(latin9(result.bytes).split('\r\n').length - 2)
    }
  }, 60_000)

  it('is written in ISO 8859-15, the same bytes each time', async () => {
    const year = years.at(-2) ?? 2025
    const once = await exportEntries(file.db, year, 'fec', { today: TODAY, language: 'fr' })
    const twice = await exportEntries(file.db, year, 'fec', { today: TODAY, language: 'fr' })
    expect(twice.bytes.equals(once.bytes)).toBe(true)
    // "é" is the byte E9, never UTF-8's two bytes.
    expect(once.bytes.includes(Buffer.from([0xc3, 0xa9]))).toBe(false)
    expect(latin9(once.bytes)).toContain('Opérations diverses')
  })

  it('is what `aimf fec` writes', async () => {
    await file.close()
    const year = years.at(-2) ?? 2025
    const out: string[] = []
    const err: string[] = []
    const target = join(await tempFolder(), 'fec.txt')
    const code = await runCli(
      ['fec', demoPath, '--year', String(year), '--out', target],
      (l) => out.push(l),
      (l) => err.push(l),
    )
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out[0]).toMatch(/^Écrit : .*fec\.txt \(\d+ écritures, \d+ lignes\)$/)
    expect(fecProblems(await readFile(target), year)).toEqual([])
    const usage: string[] = []
    expect(
      await runCli(
        ['fec', demoPath, '--out', target],
        () => undefined,
        (l) => usage.push(l),
      ),
    ).toBe(2)
    expect(usage[0]).toContain('aimf fec FICHIER --year AAAA')
    file = await DataFile.open(demoPath)
  })
})

describe('the FEC reader of these tests', () => {
  it('finds each kind of fault', async () => {
    const year = years.at(-2) ?? 2025
    const { bytes } = await exportEntries(file.db, year, 'fec', { today: TODAY, language: 'fr' })
    const lines = latin9(bytes).split('\r\n')
    const mutate = (index: number, field: number, value: string) => {
      const copy = [...lines]
      const fields = (copy[index] ?? '').split('\t')
      fields[field] = value
      copy[index] = fields.join('\t')
      return Buffer.from(copy.join('\r\n'), 'latin1')
    }
    const faults: [string, Buffer][] = [
      ['unbalanced', mutate(2, 11, '999999,99')],
      ['date', mutate(2, 3, `${year}0231`)],
      ['amount', mutate(2, 12, '1 000,00')],
      ['numbering', mutate(lines.length - 2, 2, '99999')],
      [
        'fields',
        Buffer.from(
          lines.map((l, i) => (i === 3 ? l.split('\t').slice(1).join('\t') : l)).join('\r\n'),
          'latin1',
        ),
      ],
      ['currency', mutate(2, 17, 'XYZ')],
    ]
    for (const [name, broken] of faults) expect(fecProblems(broken, year), name).not.toEqual([])
  })
})
