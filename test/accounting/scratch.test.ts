import { join } from 'node:path'
import { it } from 'vitest'
import { DataFile } from '../../electron/main/db/data-file'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { deriveYear } from '../../electron/main/accounting/books'
import { fecText } from '../../electron/main/accounting/fec'
import { tempFolder } from '../support/temp'
import { writeFile } from 'node:fs/promises'

it('scratch', async () => {
  const folder = await tempFolder()
  const file = await DataFile.create(join(folder, 'demo.sqlite'), { isDemo: true })
  await file.fill(() => buildDemo(file))
  const years = await file.db
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.min('entry_date').as('min'), eb.fn.max('entry_date').as('max')])
    .executeTakeFirst()
  console.log(years)
  for (const year of [2019, 2025]) {
    const t0 = performance.now()
    const books = await deriveYear(file.db, year, { today: '2026-06-30', language: 'fr' })
    const { text, lines } = fecText(books.entries)
    console.log(year, books.entries.length, lines, performance.now() - t0)
    await writeFile(`/tmp/i26/fec-${year}.txt`, text)
  }
  await file.close()
}, 120_000)
