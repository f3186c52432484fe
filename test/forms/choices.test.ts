import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { budgetExpenseInput } from '@shared/budget/schema'
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

  it('a budget line left empty in an expense is said to be required, not an invalid value', () => {
    const empty = budgetExpenseInput.safeParse({
      lineKey: '',
      spentOn: '2026-03-01',
      description: 'Billet',
      amount: '10',
      currency: 'EUR',
    })
    expect(empty.success).toBe(false)
    if (empty.success) return
    const onLine = empty.error.issues.filter((issue) => issue.path.join('.') === 'lineKey')
    expect(onLine.map((issue) => issueMessage(issue as never).key)).toEqual(['validation.required'])
  })

  it('any key of a choice left empty (a text of one character at least) is required', () => {
    const empty = z.string().min(1).safeParse('')
    if (!empty.success)
      expect(issueMessage(empty.error.issues[0] as never).key).toBe('validation.required')
    // Not a list of at least one item, nor a longer minimum: those are not « left empty ».
    const list = z.array(z.string()).min(1).safeParse([])
    if (!list.success)
      expect(issueMessage(list.error.issues[0] as never).key).toBe('validation.invalidType')
    const code = z.string().min(3).safeParse('ab')
    if (!code.success)
      expect(issueMessage(code.error.issues[0] as never).key).toBe('validation.invalidType')
  })
})
