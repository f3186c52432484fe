import { describe, expect, it } from 'vitest'
import { changedClosing } from '../../electron/main/accounting/accounting-check'
import { formatParams } from '../../electron/main/failure'
import { translate } from '@shared/i18n/translate'

const journal = (debit: number, entries = 3) => ({
  code: 'BQ',
  entries,
  debit,
  credit: debit,
  lastNumber: entries,
})

describe('a closed period changed: the journal totals in the reader’s language', () => {
  it('says the totals at the closing and now with the one formatter, in French and English', () => {
    const problem = changedClosing('2025-12-31', [journal(110_000_000)], [journal(110_050_000, 4)])
    const said = (language: 'fr' | 'en') =>
      translate(language, problem.key, formatParams(problem.params, language))
    expect(said('fr')).toBe(
      'Période close jusqu’au 31/12/2025 : ses écritures ne sont plus celles de la clôture (journal BQ : 3 écriture(s), débit 1\u202f100\u202f000,00\u00a0€, crédit 1\u202f100\u202f000,00\u00a0€ à la clôture ; 4 écriture(s), débit 1\u202f100\u202f500,00\u00a0€, crédit 1\u202f100\u202f500,00\u00a0€ aujourd’hui).',
    )
    expect(said('en')).toContain('debit €1,100,000.00, credit €1,100,000.00 at the closing')
    expect(said('fr')).not.toContain('1100000.00')
  })

  it('same totals in every journal: the content changed, said without figures', () => {
    const problem = changedClosing('2025-12-31', [journal(500)], [journal(500)])
    expect(problem.key).toBe('accounting.check.closedContentChanged')
  })
})
