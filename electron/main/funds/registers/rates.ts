import type { z } from 'zod'
import { rateInput } from '@shared/funds/schema'
import { type Register, known } from '../../workbook/register'

export const rates: Register<z.output<typeof rateInput>> = {
  key: 'rates',
  sheet: 'workbook.sheet.rates',
  columns: [
    { field: 'currency', heading: 'rates.currency', kind: 'currency', required: true },
    { field: 'rateDate', heading: 'rates.rateDate', kind: 'date', required: true },
    { field: 'rate', heading: 'rates.rate', kind: 'rate', required: true },
    { field: 'source', heading: 'rates.source', kind: 'text', required: true },
  ],
  schema: rateInput,
  identity: (row) => `${String(row.currency)}|${String(row.rateDate)}`,
  // The rates typed in (the bank's); the ECB's and InforEuro's come from their own files.
  rows: async (session) =>
    (await session.rates.list(undefined, 'bank'))
      .filter((r) => !r.fixed)
      .map((r) => ({ currency: r.currency, rateDate: r.rateDate, rate: r.rate, source: r.source })),
  apply: async (session, input, author, memo) => {
    const byDay = await known(
      memo,
      'rates',
      async () => (await session.rates.list(undefined, 'bank')).filter((r) => !r.fixed),
      (r) => `${r.currency}|${r.rateDate}`,
    )
    const key = `${input.currency}|${input.rateDate}`.toLowerCase()
    const existing = byDay.get(key)
    if (existing && existing.rate === input.rate && existing.source === input.source)
      return 'unchanged'
    if (existing) await session.rates.archive(existing.id, author)
    byDay.set(key, await session.rates.add(input, author))
    return existing ? 'updated' : 'created'
  },
}
