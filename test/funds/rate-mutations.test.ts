import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { AppFailure } from '../../electron/main/failure'
import { importRateFile } from '../../electron/main/funds/rate-import-service'
import { isCurrencyCode } from '@shared/money/currencies'
import { parseRate } from '@shared/money/exchange'
import { translate } from '@shared/i18n/translate'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'
import { randomFrom } from '../workbook/mutants'
import { ECB_CSV, INFOREURO_CSV, INFOREURO_CSV_FR, INFOREURO_XML } from './rate-samples'

/** Mutants of each published kind of rate file. */
const MUTANTS_PER_SAMPLE = 90

/** What a hostile or damaged rate file may hold, inserted or put in place of a character. */
const TOKENS = [
  '"',
  ',',
  ';',
  '\n',
  '\r',
  '<',
  '>',
  '&',
  '&amp;',
  '/',
  '-',
  '.',
  ' ',
  '0',
  '9',
  'N/A',
  '-1',
  '1e3',
  '0.0',
  '00',
  '\u0000',
  'é',
  '\uFEFF',
  '\u2028',
  'USD',
  'XOF',
  'EUR',
  'ZZZ',
  'usd',
  '9999-99-99',
  '2024-02-29',
  '2023-02-29',
  '<!DOCTYPE x>',
  '<value>',
  '</value>',
  '<isoA3Code>GBP</isoA3Code>',
  '1'.repeat(20),
  '0.'.padEnd(16, '9'),
  'Date',
  'Value',
  '<![CDATA[1]]>',
]

type Random = ReturnType<typeof randomFrom>

/** One mutation of the text: a character changed, removed or added, a line cut, doubled, moved. */
function mutate(text: string, random: Random): { name: string; text: string } {
  const at = random.below(text.length + 1)
  const lines = text.split('\n')
  const line = random.below(lines.length)
  const token = random.pick(TOKENS)
  switch (random.below(8)) {
    case 0:
      return {
        name: `replace ${at} by ${JSON.stringify(token)}`,
        text: text.slice(0, at) + token + text.slice(at + 1),
      }
    case 1:
      return {
        name: `insert ${JSON.stringify(token)} at ${at}`,
        text: text.slice(0, at) + token + text.slice(at),
      }
    case 2:
      return {
        name: `delete at ${at}`,
        text: text.slice(0, at) + text.slice(at + 1 + random.below(6)),
      }
    case 3:
      return { name: `cut at ${at}`, text: text.slice(0, at) }
    case 4:
      lines.splice(line, 0, lines[line] ?? '')
      return { name: `double line ${line + 1}`, text: lines.join('\n') }
    case 5:
      lines.splice(line, 1)
      return { name: `remove line ${line + 1}`, text: lines.join('\n') }
    case 6: {
      const [moved = ''] = lines.splice(line, 1)
      lines.splice(random.below(lines.length + 1), 0, moved)
      return { name: `move line ${line + 1}`, text: lines.join('\n') }
    }
    default: {
      // A number of the file changed for another shape of number.
      const numbers = [...text.matchAll(/\d+[.,]\d+/g)]
      const target = numbers[random.below(numbers.length)]
      if (!target || target.index === undefined) return { name: 'as is', text }
      const other = random.pick([
        '1',
        '0',
        '1.5',
        '12345678901234.5',
        '0.0000000000001',
        '1,5',
        '١٫٢',
        '',
      ])
      return {
        name: `number ${target[0]} → ${JSON.stringify(other)}`,
        text: text.slice(0, target.index) + other + text.slice(target.index + target[0].length),
      }
    }
  }
}

let folder: string
let empty: string

beforeAll(async () => {
  folder = await tempFolder('file')
  empty = join(folder, 'empty.sqlite')
  await (await DataFile.create(empty)).close()
})

/**
 * A mutant imported into a fresh file: refused — with the file, a line and a column inside the
 * file, a message in both languages, and the data file byte for byte as it was — or imported,
 * every rate a well-formed one and `aimf check` finding nothing wrong.
 */
async function attack(name: string, text: string, index: number): Promise<'imported' | 'refused'> {
  const ratePath = join(folder, `rates-${index}.txt`)
  await writeFile(ratePath, text)
  const path = join(folder, `data-${index}.sqlite`)
  await copyFile(empty, path)
  await (await DataFile.open(path)).close()
  const before = await sha256(path)
  const file = await DataFile.open(path)
  let outcome: 'imported' | 'refused'
  try {
    await importRateFile(file, ratePath, index % 3 === 0 ? undefined : '2024-01', 'Test')
    outcome = 'imported'
  } catch (error) {
    if (!(error instanceof AppFailure)) throw new Error(`${name}: ${String(error)}`)
    const { file: named, line, column } = error.params
    expect(named, name).toBe(`rates-${index}.txt`)
    expect(
      typeof line === 'number' && line >= 1 && line <= text.split(/\r\n|\n|\r/).length + 1,
      `${name}: line ${String(line)}`,
    ).toBe(true)
    expect(typeof column === 'number' && column >= 1, `${name}: column ${String(column)}`).toBe(
      true,
    )
    for (const language of ['fr', 'en'] as const)
      expect(
        translate(language, error.key, error.params as Record<string, string>),
        name,
      ).not.toContain('{{')
    outcome = 'refused'
  } finally {
    await file.close()
  }
  if (outcome === 'refused') {
    expect(await sha256(path), `${name}: the data file changed`).toBe(before)
    return outcome
  }
  const check = await DataFile.open(path)
  const rows = await check.db.selectFrom('exchange_rates').selectAll().execute()
  await check.close()
  for (const row of rows) {
    expect(isCurrencyCode(row.currency), name).toBe(true)
    expect(parseRate(row.rate), `${name}: ${row.rate}`).not.toBeNull()
    expect(row.rate_date, name).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(['ecb', 'inforeuro'], name).toContain(row.series)
  }
  expect(await checkFile(path), `${name}: aimf check`).toEqual([])
  return outcome
}

describe('rate files attacked by mutants', () => {
  const samples: [string, string][] = [
    ['ECB CSV', ECB_CSV],
    ['InforEuro CSV', INFOREURO_CSV],
    ['InforEuro CSV (French)', INFOREURO_CSV_FR],
    ['InforEuro XML', INFOREURO_XML],
  ]
  samples.forEach(([kind, sample], sampleIndex) => {
    it(`${MUTANTS_PER_SAMPLE} mutants of the ${kind} sample`, async () => {
      const random = randomFrom(27 + sampleIndex)
      const outcomes = { imported: 0, refused: 0 }
      for (let index = 0; index < MUTANTS_PER_SAMPLE; index += 1) {
        // Up to three mutations on top of one another.
        let mutant = { name: '', text: sample }
        for (let round = random.below(3); round >= 0; round -= 1) {
          const next = mutate(mutant.text, random)
          mutant = { name: `${mutant.name}${next.name}; `, text: next.text }
        }
        outcomes[
          await attack(`${kind}: ${mutant.name}`, mutant.text, sampleIndex * 1000 + index)
        ] += 1
      }
      // Both outcomes are met: the mutants are neither all refused nor all harmless.
      expect(outcomes.imported, JSON.stringify(outcomes)).toBeGreaterThan(5)
      expect(outcomes.refused, JSON.stringify(outcomes)).toBeGreaterThan(5)
    }, 300_000)
  })

  it('refuses a file over the size bound without reading it, the data file as it was', async () => {
    const ratePath = join(folder, 'huge.csv')
    await writeFile(ratePath, Buffer.alloc(17 * 1024 * 1024, 0x31))
    const path = join(folder, 'huge.sqlite')
    await copyFile(empty, path)
    await (await DataFile.open(path)).close()
    const before = await readFile(path)
    const file = await DataFile.open(path)
    await expect(importRateFile(file, ratePath, undefined, 'Test')).rejects.toMatchObject({
      key: 'rates.file.tooLarge',
      params: { file: 'huge.csv', limit: 16 },
    })
    await file.close()
    expect((await readFile(path)).equals(before)).toBe(true)
  })
})
