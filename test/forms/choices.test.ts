import { describe, expect, it } from 'vitest'
import { matchesChoice } from '@shared/text/search'
import { recordId } from '@shared/validation/fields'
import { issueMessage } from '@shared/validation/issues'

describe('lists searched as people type', () => {
  it('ignores case and accents, and finds a code by its start', () => {
    expect(matchesChoice('etats', 'États-Unis', 'US')).toBe(true)
    expect(matchesChoice('Lome', 'Commune de Lomé', 'TG-LOM')).toBe(true)
    expect(matchesChoice('US', 'États-Unis', 'US')).toBe(true)
    expect(matchesChoice('us', 'Dollar des États-Unis', 'USD')).toBe(true)
    expect(matchesChoice('cote ivoire', 'Côte d’Ivoire', 'CI')).toBe(true)
    expect(matchesChoice('', 'Tout', 'X')).toBe(true)
    expect(matchesChoice('EURUSD', 'Euro', 'EUR')).toBe(false)
    expect(matchesChoice('senegal', 'Mali', 'ML')).toBe(false)
  })

  it('an empty required choice is said to be required, not an invalid identifier', () => {
    const empty = recordId.safeParse('')
    expect(empty.success).toBe(false)
    if (!empty.success)
      expect(issueMessage(empty.error.issues[0] as never).key).toBe('validation.required')
    const wrong = recordId.safeParse('abc')
    if (!wrong.success)
      expect(issueMessage(wrong.error.issues[0] as never).key).toBe('validation.uuid')
  })
})
