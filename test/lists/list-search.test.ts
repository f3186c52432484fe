import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SearchIndex } from '@shared/lists/list-search'
import { containsWords, foldForSearch, searchWords, searchableText } from '@shared/text/search'

/** The folding as it was first written: every character decomposed and tested. */
function foldReference(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr')
}

describe('folding for search', () => {
  it('folds case and accents: « geneve » finds « Genève », « etats » finds « ÉTATS-UNIS »', () => {
    expect(foldForSearch('Genève')).toBe('geneve')
    expect(foldForSearch('ÉTATS-UNIS')).toBe('etats-unis')
    expect(foldForSearch('Côte d’Ivoire')).toBe('cote d’ivoire')
    expect(foldForSearch('Mission n° 4')).toBe('mission n° 4')
  })

  it('folds as the full decomposition does, for plain ASCII (with its two diacritics) as for the rest', () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('')
    expect(foldForSearch(ascii)).toBe(foldReference(ascii))
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom(...'aeiouAEIOU^`¨´·éèêëÉÈçÇœŒßİıǅ° -\t\n'.split('')) }),
      fc.string({ unit: 'binary' }),
    )
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldForSearch(text)).toBe(foldReference(text))
      }),
      { numRuns: 2000 },
    )
  })
})

interface Expense {
  id: number
  label: string
  supplier: string | null
}

const rows: Expense[] = [
  { id: 1, label: 'Mission à Genève', supplier: 'Hôtel du Lac' },
  { id: 2, label: 'Billets Québec', supplier: null },
  { id: 3, label: 'Mission à Lomé', supplier: 'Air Togo' },
]

describe('the search index of a list', () => {
  it('keeps the rows, in their order, that hold every word, case and accents aside', () => {
    const index = new SearchIndex(rows, (row: Expense) => [row.label, row.supplier])
    expect(index.search(rows, 'mission').map((row) => row.id)).toEqual([1, 3])
    expect(index.search([...rows].reverse(), 'MISSION').map((row) => row.id)).toEqual([3, 1])
    expect(index.search(rows, 'geneve hotel').map((row) => row.id)).toEqual([1])
    expect(index.search(rows, 'quebec lac')).toEqual([])
    expect(index.search(rows, '  ')).toBe(rows)
  })

  it('reads each row once, whether read ahead or at a search, and stops reading when asked', () => {
    const read: number[] = []
    const index = new SearchIndex(rows, (row: Expense) => {
      read.push(row.id)
      return [row.label]
    })
    expect(index.search(rows, 'billets').map((row) => row.id)).toEqual([2])
    expect(index.warm(() => false)).toBe(true)
    index.search(rows, 'lome')
    expect(read.sort()).toEqual([1, 2, 3])

    const many = Array.from({ length: 1000 }, (_, n) => ({
      id: n,
      label: `n° ${n}`,
      supplier: null,
    }))
    const ahead = new SearchIndex(many, (row: Expense) => [row.label])
    expect(ahead.warm(() => false)).toBe(false)
    expect(ahead.warm(() => true)).toBe(true)
    expect(ahead.search(many, '999').map((row) => row.id)).toEqual([999])
  })
})

describe('a row’s searched text', () => {
  it('is the searchable text of its values, folded value by value', () => {
    const values = fc.array(
      fc.option(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), {
        nil: null,
      }),
      {
        maxLength: 6,
      },
    )
    fc.assert(
      fc.property(values, (texts) => {
        const row = { texts }
        const index = new SearchIndex([row], (r: typeof row) => r.texts)
        expect(index.textOf(row)).toBe(searchableText(texts))
      }),
      { numRuns: 1000 },
    )
    const greek = { texts: ['ΟΔΟΣ', 'ΟΔΟΣ Α'] }
    expect(new SearchIndex([greek], (r: typeof greek) => r.texts).textOf(greek)).toBe(
      searchableText(greek.texts),
    )
  })
})

describe('a search typed key by key', () => {
  it('finds at each key what a search from scratch finds, as keys are added or taken away', () => {
    const row = fc.record({
      id: fc.nat(),
      label: fc.string({ unit: fc.constantFrom(...'abcé 49É'.split('')), maxLength: 12 }),
      supplier: fc.option(fc.string({ unit: fc.constantFrom(...'ab4 è'.split('')) }), {
        nil: null,
      }),
    })
    const query = fc.string({ unit: fc.constantFrom(...'abcée 49É'.split('')), maxLength: 5 })
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.array(query, { maxLength: 8 }),
        (rows, typed) => {
          const texts = (r: Expense) => [r.label, r.supplier]
          const index = new SearchIndex(rows, texts)
          for (const q of typed) {
            const fresh = new SearchIndex(rows, texts)
            expect(index.search(rows, q)).toEqual(fresh.search(rows, q))
            expect(index.search(rows, q)).toEqual(
              rows.filter((r) => containsWords(searchableText(texts(r)), searchWords(q))),
            )
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('narrows from the last search when a key is added: « 4 », then « 49 »', () => {
    const many = Array.from({ length: 100 }, (_, n) => ({
      id: n,
      label: `n° ${n}`,
      supplier: null,
    }))
    const index = new SearchIndex(many, (r: Expense) => [r.label])
    expect(index.search(many, '4').map((r) => r.id)).toHaveLength(19)
    expect(index.search(many, '49').map((r) => r.id)).toEqual([49])
    expect(index.search(many, '9 4').map((r) => r.id)).toEqual([49, 94])
    expect(index.search(many, '9').map((r) => r.id)).toHaveLength(19)
  })
})
