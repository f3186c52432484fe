import { describe, expect, it } from 'vitest'
import { formatDate } from '@shared/i18n/format-dates'
import { datePattern, parseUserDate } from '@shared/i18n/parse-dates'
import { LANGUAGES } from '@shared/i18n/locale'
import { isIsoDate } from '@shared/validation/dates'

/** A small deterministic generator: the same cases on every run. */
function drawer(seed: number) {
  let state = seed
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
  }
}

describe('a day typed in the user’s language', () => {
  it('reads day first in French and in British English, as the formatter writes it', () => {
    for (const language of LANGUAGES) {
      expect(parseUserDate('31/12/2026', language)).toBe('2026-12-31')
      expect(parseUserDate('1/2/2026', language)).toBe('2026-02-01')
      expect(parseUserDate('01.02.2026', language)).toBe('2026-02-01')
      expect(parseUserDate('2026-02-01', language)).toBe('2026-02-01')
      expect(datePattern(language, { day: 'd', month: 'm', year: 'y' })).toBe('dd/mm/yyyy')
    }
  })

  it('refuses what is no day rather than guessing (US order, two-digit years, 31 February)', () => {
    for (const language of LANGUAGES) {
      for (const text of [
        '12/31/2026',
        '31/02/2026',
        '31/12/26',
        '2026/12/31',
        '',
        'demain',
        '0/1/2026',
        '31/12/20266',
      ])
        expect(parseUserDate(text, language), text).toBeNull()
    }
  })

  it('reads back every day it shows, and turns 500 mangled texts into a real day or nothing', () => {
    const draw = drawer(24)
    for (const language of LANGUAGES) {
      for (let i = 0; i < 250; i += 1) {
        const iso = new Date(Date.UTC(1950 + draw(150), draw(12), 1 + draw(31)))
          .toISOString()
          .slice(0, 10)
        const shown = formatDate(iso, language)
        expect(parseUserDate(shown, language)).toBe(iso)
        const chars = [...shown]
        const mangled = [...chars]
        mangled[draw(chars.length)] = '0123456789/.-x '[draw(15)] ?? ''
        const read = parseUserDate(mangled.join(''), language)
        expect(read === null || isIsoDate(read), mangled.join('')).toBe(true)
      }
    }
  })
})
