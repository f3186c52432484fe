import { describe, expect, it } from 'vitest'
import { typeAheadPick } from '@shared/text/type-ahead'

const kinds = [
  { value: 'city', label: 'Ville' },
  { value: 'association', label: 'Association nationale de villes' },
  { value: 'state', label: 'État' },
  { value: 'foundation', label: 'Fondation' },
  { value: 'eu', label: 'Union européenne' },
  { value: 'other', label: 'Autre' },
]

describe('type-ahead on a fixed list', () => {
  it('a letter picks the first choice starting with it, accents and case aside', () => {
    expect(typeAheadPick(kinds, 'e', null)).toBe('state')
    expect(typeAheadPick(kinds, 'E', 'city')).toBe('state')
    expect(typeAheadPick(kinds, 'f', null)).toBe('foundation')
    expect(typeAheadPick(kinds, 'z', 'city')).toBeNull()
  })

  it('letters typed together make a prefix', () => {
    expect(typeAheadPick(kinds, 'au', null)).toBe('other')
    expect(typeAheadPick(kinds, 'as', null)).toBe('association')
    expect(typeAheadPick(kinds, 'etat', null)).toBe('state')
    expect(typeAheadPick(kinds, 'ax', null)).toBeNull()
  })

  it('one letter again steps through the choices starting with it, round to the first', () => {
    expect(typeAheadPick(kinds, 'a', null)).toBe('association')
    expect(typeAheadPick(kinds, 'aa', 'association')).toBe('other')
    expect(typeAheadPick(kinds, 'a', 'other')).toBe('association')
  })

  it('every label of a drawn list is reached by its own first letters', () => {
    const labels = ['Bénin', 'Burkina Faso', 'Cameroun', 'Canada', 'Côte d’Ivoire', 'Québec']
    const list = labels.map((label, i) => ({ value: String(i), label }))
    for (const [i, label] of labels.entries())
      expect(typeAheadPick(list, label.slice(0, 3), null), label).toBe(String(i))
  })
})
