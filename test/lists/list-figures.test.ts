import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  columnTotals,
  fitColumns,
  groupRows,
  listLines,
  roomFor,
  totalsByCurrency,
  widestAmounts,
  widestNumber,
} from '@shared/lists/list-figures'
import { formatNumber } from '@shared/i18n/format-number'
import { LANGUAGES } from '@shared/i18n/locale'
import { formatMoney } from '@shared/money/format'
import type { CurrencyCode } from '@shared/money/currencies'
import { type Money, money } from '@shared/money/money'
import { listExportInput } from '@shared/reports/list-export'

const CURRENCIES: CurrencyCode[] = ['EUR', 'USD', 'XOF', 'CAD', 'CHF']
const amount = fc
  .record({
    minor: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    currency: fc.constantFrom(...CURRENCIES),
  })
  .map(({ minor, currency }) => money(minor, currency))

describe('totals of a list', () => {
  it('never adds one currency to another: one total per currency, each the sum of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.option(amount, { nil: null }), { maxLength: 300 }), (amounts) => {
        const totals = totalsByCurrency(amounts)
        const met = new Set(amounts.flatMap((a) => (a ? [a.currency] : [])))
        expect(totals.map((t) => t.currency).sort()).toEqual([...met].sort())
        for (const total of totals) {
          const own = amounts.filter((a): a is Money => a?.currency === total.currency)
          expect(total.minor).toBe(own.reduce((s, a) => s + a.minor, 0))
        }
        if (met.has('EUR')) expect(totals[0]?.currency).toBe('EUR')
      }),
      { numRuns: 500 },
    )
  })

  it('gives euros first, then the others by code', () => {
    const totals = totalsByCurrency([money(5, 'USD'), money(1, 'XOF'), money(2, 'EUR')])
    expect(totals).toEqual([money(2, 'EUR'), money(5, 'USD'), money(1, 'XOF')])
    expect(totalsByCurrency([])).toEqual([])
  })

  it('the subtotals of the groups add up to the total, currency by currency', () => {
    const row = fc.record({ group: fc.constantFrom('', 'A', 'B', 'É', 'z'), amount })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const amounts = new Map([['amount', (r: (typeof rows)[number]) => r.amount]])
        const lines = listLines(
          rows,
          { keyOf: (r) => r.group, compare: (a, b) => a.localeCompare(b, 'fr') },
          amounts,
        )
        // Every row once, in its group, in its order.
        expect(lines.filter((l) => l.kind === 'row').length).toBe(rows.length)
        const subtotals = lines.flatMap((l) =>
          l.kind === 'subtotal' ? (l.totals.get('amount') ?? []) : [],
        )
        expect(totalsByCurrency(subtotals)).toEqual(columnTotals(rows, amounts).get('amount') ?? [])
        const groups = lines.filter((l) => l.kind === 'group').map((l) => l.key)
        expect(new Set(groups).size).toBe(groups.length)
        if (groups.includes('')) expect(groups.at(-1)).toBe('')
      }),
      { numRuns: 300 },
    )
  })

  it('groups in reading order, keeping the rows’ order inside each group', () => {
    const rows = ['Lomé:1', 'Abidjan:2', 'Lomé:3', ':4', 'Ébolowa:5']
    const groups = groupRows(
      rows,
      (r) => r.split(':')[0] ?? '',
      (a, b) => a.localeCompare(b, 'fr'),
    )
    expect(groups.map((g) => g.key)).toEqual(['Abidjan', 'Ébolowa', 'Lomé', ''])
    expect(groups[2]?.rows).toEqual(['Lomé:1', 'Lomé:3'])
  })
})

/**
 * A list sizes an amount column from its widest amounts (column-widths.ts): written, each
 * amount a cell, a subtotal or the total shows is no longer than the widest of its currency
 * (figures are of one width: a text's length is its width, give or take a sign).
 */
describe('the widest amounts of a column', () => {
  const longest = (amounts: readonly Money[], currency: CurrencyCode, language: 'fr' | 'en') =>
    Math.max(
      0,
      ...amounts.filter((a) => a.currency === currency).map((a) => formatMoney(a, language).length),
    )
  const row = fc.record({ amount: fc.option(amount, { nil: null }), group: fc.nat(3) })

  it('are written as long as any row, any group’s subtotal and the total, in both languages', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (rows) => {
        const amountOf = (r: (typeof rows)[number]) => r.amount
        const widest = widestAmounts(rows, amountOf)
        const shown = [
          ...rows.flatMap((r) => (r.amount ? [r.amount] : [])),
          ...totalsByCurrency(rows.map(amountOf)),
          ...groupRows(
            rows,
            (r) => String(r.group),
            (a, b) => a.localeCompare(b),
          ).flatMap((g) => totalsByCurrency(g.rows.map(amountOf))),
        ]
        expect(new Set(widest.map((w) => w.currency))).toEqual(
          new Set(shown.map((a) => a.currency)),
        )
        for (const language of LANGUAGES)
          for (const a of shown)
            expect(formatMoney(a, language).length).toBeLessThanOrEqual(
              longest(widest, a.currency, language),
            )
      }),
      { numRuns: 300 },
    )
  })

  it('of a column not added up are its rows’ own; a struck amount drawn counts too', () => {
    const rows = [
      { amount: money(250_000_00, 'EUR'), struck: null },
      { amount: money(-1_00, 'EUR'), struck: null },
      { amount: null, struck: money(12_000_000_00, 'EUR') },
      { amount: money(5_000, 'XOF'), struck: null },
    ]
    expect(widestAmounts(rows, (r) => r.amount, { totalled: false })).toEqual([
      money(250_000_00, 'EUR'),
      money(-1_00, 'EUR'),
      money(5_000, 'XOF'),
    ])
    // Added up, the sums bound every subtotal; the struck amount is drawn, never added.
    expect(
      widestAmounts(rows, (r) => r.amount, { drawn: (r) => r.struck }).map((a) => a.minor),
    ).toEqual([12_000_000_00, -1_00, 5_000])
    expect(widestAmounts([], (r: { amount: Money | null }) => r.amount)).toEqual([])
  })
})

describe('the widest number of a column', () => {
  it('is written as long as any of its numbers, in both languages', () => {
    const value = fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
    )
    fc.assert(
      fc.property(fc.array(fc.option(value, { nil: null }), { maxLength: 40 }), (values) => {
        const widest = widestNumber(values)
        const numbers = values.filter((v): v is number => v !== null)
        if (numbers.length === 0) {
          expect(widest).toBeNull()
          return
        }
        if (widest === null) throw new Error('no widest number')
        for (const language of LANGUAGES)
          for (const v of numbers)
            expect(formatNumber(v, language).length).toBeLessThanOrEqual(
              formatNumber(widest, language).length,
            )
      }),
      { numRuns: 300 },
    )
  })
})

describe('columns by width', () => {
  const column = fc.record({
    id: fc.uuid(),
    width: fc.integer({ min: 40, max: 400 }),
    money: fc.boolean(),
    priority: fc.integer({ min: -5, max: 30 }),
  })
  it('keeps the first column and every amount wanted, and the others only while they fit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(column, { selector: (c) => c.id, minLength: 1, maxLength: 20 }),
        fc.integer({ min: 200, max: 2500 }),
        fc.func(fc.boolean()),
        (columns, available, wants) => {
          const wanted = (id: string) => wants(id)
          const fit = fitColumns(columns, available, wanted)
          const first = columns[0]
          if (!first) return
          expect(fit.shown[0]).toBe(first.id)
          for (const c of columns.slice(1)) {
            if (c.money) expect(fit.shown.includes(c.id)).toBe(wanted(c.id))
            if (!wanted(c.id)) expect(fit.shown.includes(c.id)).toBe(false)
          }
          // In the list's own order.
          const order = columns.map((c) => c.id).filter((id) => fit.shown.includes(id))
          expect(fit.shown).toEqual(order)
          // What is not an amount fits in what the amounts leave.
          const width = (ids: string[]) =>
            ids.reduce((s, id) => s + (columns.find((c) => c.id === id)?.width ?? 0), 0)
          const fixed = fit.shown.filter(
            (id) => id === first.id || columns.find((c) => c.id === id)?.money,
          )
          const others = fit.shown.filter((id) => !fixed.includes(id))
          if (others.length > 0) expect(width(fit.shown)).toBeLessThanOrEqual(available)
          // A wanted column left out had no room, and says so.
          for (const c of columns.slice(1)) {
            if (!c.money && wanted(c.id) && !fit.shown.includes(c.id))
              expect(fit.crowded).toContain(c.id)
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('gives the room to the higher priority first', () => {
    const fit = fitColumns(
      [
        { id: 'code', width: 100, money: false, priority: 0 },
        { id: 'title', width: 300, money: false, priority: 9 },
        { id: 'status', width: 150, money: false, priority: 1 },
        { id: 'amount', width: 150, money: true, priority: 2 },
      ],
      450,
      () => true,
    )
    expect(fit).toEqual({ shown: ['code', 'status', 'amount'], crowded: ['title'] })
  })
})

describe('the column chooser of a crowded list', () => {
  const columns = [
    { id: 'code', width: 100, money: false, priority: 0 },
    { id: 'title', width: 300, money: false, priority: 9 },
    { id: 'status', width: 150, money: false, priority: 1 },
    { id: 'note', width: 120, money: false, priority: 5 },
    { id: 'amount', width: 150, money: true, priority: 2 },
  ]
  const all = () => true

  it('shows a crowded column as crowded, and ticking it pushes out the lowest priorities', () => {
    const fit = fitColumns(columns, 560, all)
    expect(fit).toEqual({ shown: ['code', 'status', 'note', 'amount'], crowded: ['title'] })
    // « title » needs 300 px: « status » and « note » give their room, the amounts stay.
    expect(roomFor(columns, 560, all, 'title')).toEqual({
      fits: true,
      displaced: ['status', 'note'],
    })
    // At 500 px « note » is crowded too: in place of « status » it finds room.
    expect(fitColumns(columns, 500, all).crowded).toEqual(['note', 'title'])
    expect(roomFor(columns, 500, all, 'note')).toEqual({ fits: true, displaced: ['status'] })
    // Ticked (as useColumnChoice ranks a column asked for), it is shown and the others crowded.
    const asked = columns.map((c) => (c.id === 'title' ? { ...c, priority: -1000 } : c))
    expect(fitColumns(asked, 560, all)).toEqual({
      shown: ['code', 'title', 'amount'],
      crowded: ['status', 'note'],
    })
  })

  it('says when a column cannot fit even alone beside the amounts', () => {
    expect(roomFor(columns, 400, all, 'title')).toEqual({ fits: false, displaced: [] })
  })

  it('never pushes out an amount or the first column, whatever is asked for', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 4 }),
            width: fc.integer({ min: 40, max: 400 }),
            money: fc.boolean(),
            priority: fc.integer({ min: 0, max: 20 }),
          }),
          { minLength: 2, maxLength: 12, selector: (c) => c.id },
        ),
        fc.integer({ min: 0, max: 3000 }),
        fc.nat(),
        (cols, available, pick) => {
          const fit = fitColumns(cols, available, all)
          if (fit.crowded.length === 0) return
          const id = fit.crowded[pick % fit.crowded.length] ?? ''
          const room = roomFor(cols, available, all, id)
          for (const gone of room.displaced) {
            expect(gone).not.toBe(cols[0]?.id)
            expect(cols.find((c) => c.id === gone)?.money).toBe(false)
          }
          // It cannot fit only when the first column and the amounts leave it no room.
          const fixed = cols.filter((c, i) => i === 0 || c.money).reduce((s, c) => s + c.width, 0)
          const width = cols.find((c) => c.id === id)?.width ?? 0
          expect(room.fits).toBe(fixed + width <= available)
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('a list sent to be exported', () => {
  const valid = {
    title: 'Conventions',
    parameters: [],
    columns: [
      { label: 'Référence', kind: 'text' },
      { label: 'Engagé', kind: 'money' },
    ],
    rows: [
      {
        style: 'item',
        cells: [
          { kind: 'text', text: 'UE-1' },
          { kind: 'money', minor: 100, currency: 'EUR' },
        ],
      },
    ],
  }
  it('is accepted as drawn, refused when any part is malformed', () => {
    expect(listExportInput.safeParse(valid).success).toBe(true)
    const mutations: ((v: typeof valid) => unknown)[] = [
      (v) => ({ ...v, title: '' }),
      (v) => ({ ...v, columns: [] }),
      (v) => ({ ...v, rows: [{ style: 'item', cells: [null] }] }),
      (v) => ({ ...v, rows: [{ style: 'odd', cells: [null, null] }] }),
      (v) => ({
        ...v,
        rows: [{ style: 'item', cells: [null, { kind: 'money', minor: 1.5, currency: 'EUR' }] }],
      }),
      (v) => ({
        ...v,
        rows: [{ style: 'item', cells: [null, { kind: 'money', minor: 1, currency: 'EURO' }] }],
      }),
      (v) => ({
        ...v,
        rows: [{ style: 'item', cells: [{ kind: 'date', iso: '2026-02-30' }, null] }],
      }),
      (v) => ({ ...v, path: '/etc/passwd' }),
      (v) => ({ ...v, rows: Array.from({ length: 50_001 }, () => v.rows[0]) }),
      (v) => ({ ...v, columns: [{ label: 'x'.repeat(201), kind: 'text' }, v.columns[1]] }),
    ]
    for (const mutate of mutations)
      expect(listExportInput.safeParse(mutate(valid)).success).toBe(false)
  })
})
