import type { Language } from '../i18n/locale'

/**
 * French letters name a member with the article its name takes (« la Ville de Lomé »,
 * « l'Association des maires du Bénin », « le District d'Abidjan ») and greet its head by
 * their office (« Monsieur le Maire », « Madame la Présidente »): this module says both, from
 * the member's kind and name, and the civility its head's name starts with when it has one.
 */

/** The nouns a member's name may start with, and their gender. */
const NOUN_GENDER: Record<string, 'f' | 'm'> = {
  ville: 'f',
  commune: 'f',
  mairie: 'f',
  municipalité: 'f',
  communauté: 'f',
  métropole: 'f',
  région: 'f',
  province: 'f',
  cité: 'f',
  association: 'f',
  plateforme: 'f',
  fédération: 'f',
  union: 'f',
  conférence: 'f',
  ligue: 'f',
  district: 'm',
  conseil: 'm',
  réseau: 'm',
  gouvernorat: 'm',
  département: 'm',
  comité: 'm',
  forum: 'm',
  groupement: 'm',
  syndicat: 'm',
}

/** A vowel or a mute h: « l'Association », « d'Abidjan », « l'Hôtel de ville ». */
const ELIDES = /^[aeiouyhàâäéèêëîïôöûüœæ]/i

/** The member with its article, as the subject of a sentence: « la Ville de Lomé ». */
export function memberWithArticle(name: string, language: Language): string {
  const trimmed = name.trim()
  if (language !== 'fr') return trimmed
  const first = (trimmed.split(/[\s'’-]/)[0] ?? '').toLowerCase()
  const gender = NOUN_GENDER[first]
  if (!gender) return trimmed
  if (ELIDES.test(trimmed)) return `l’${trimmed}`
  return `${gender === 'f' ? 'la' : 'le'} ${trimmed}`
}

/**
 * « de » and the member: « de la Ville de Lomé », « de l'Association… », « du District
 * d'Abidjan », « de Dakar », « d'Abidjan »; in English the name alone (« of » is the text's).
 */
export function ofMember(name: string, language: Language): string {
  const trimmed = name.trim()
  if (language !== 'fr') return trimmed
  const withArticle = memberWithArticle(trimmed, language)
  if (withArticle.startsWith('le ')) return `du ${withArticle.slice(3)}`
  if (withArticle !== trimmed) return `de ${withArticle}`
  return ELIDES.test(trimmed) ? `d’${trimmed}` : `de ${trimmed}`
}

/** The civility a head's name starts with (« Mme Aminata Diallo », « M. Jean Dupont »). */
export function civilityOf(leaderName: string | null): 'f' | 'm' | null {
  const first = leaderName?.trim().split(/\s+/)[0]?.toLowerCase().replace(/\.$/, '')
  if (!first) return null
  if (['mme', 'madame', 'mrs', 'ms', 'miss'].includes(first)) return 'f'
  if (['m', 'monsieur', 'mr'].includes(first)) return 'm'
  return null
}

/**
 * A template written before the letters knew their grammar, or edited by hand, made right:
 * « de {{membre}} » becomes « {{de_membre}} » and the fixed « Madame, Monsieur le Maire »
 * becomes « {{appel}} », so that no letter reads « de Association… » or greets an
 * association's president as a mayor.
 */
export function withGrammarFields(text: string): string {
  return text
    .replace(/\bde \{\{membre\}\}/g, '{{de_membre}}')
    .replace(/Madame, Monsieur le Maire/g, '{{appel}}')
}

/**
 * How a letter greets the member's head: a city's mayor (« Monsieur le Maire », « Madame la
 * Maire »), an association's or a platform's president (« Madame la Présidente »); both forms
 * when the civility is not known. Never « le Maire » to an association. The civility recorded
 * on the member comes first; without it, the one its head's name starts with.
 */
export function salutation(
  kind: string,
  leaderName: string | null,
  language: Language,
  recorded: string | null = null,
): string {
  const civility = recorded === 'f' || recorded === 'm' ? recorded : civilityOf(leaderName)
  const mayor = kind === 'city'
  if (language === 'en') return mayor ? 'Dear Mayor' : 'Dear President'
  if (mayor)
    return civility === 'f'
      ? 'Madame la Maire'
      : civility === 'm'
        ? 'Monsieur le Maire'
        : 'Madame la Maire, Monsieur le Maire'
  return civility === 'f'
    ? 'Madame la Présidente'
    : civility === 'm'
      ? 'Monsieur le Président'
      : 'Madame la Présidente, Monsieur le Président'
}
