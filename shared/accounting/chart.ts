import type { FunderKind } from '../funders/schema'

/**
 * The default books of an association under French law (règlement ANC 2018-06, classes 1 to
 * 7): the accounts the mapping uses and those a secretariat commonly needs, the roles a ledger
 * event plays in an entry, and which account each role goes to. A file keeps only what a person
 * changed (accounting_accounts, accounting_rules); everything else is read from here, so that
 * every copy of a file has the same defaults without writing them.
 */

export interface ChartAccount {
  number: string
  label: string
}

export const DEFAULT_ACCOUNTS: readonly ChartAccount[] = [
  { number: '102', label: 'Fonds propres sans droit de reprise' },
  { number: '106', label: 'Réserves' },
  { number: '110', label: 'Report à nouveau (solde créditeur)' },
  { number: '119', label: 'Report à nouveau (solde débiteur)' },
  { number: '120', label: 'Résultat de l’exercice (excédent)' },
  { number: '129', label: 'Résultat de l’exercice (déficit)' },
  { number: '131', label: 'Subventions d’équipement' },
  { number: '194', label: 'Fonds dédiés sur subventions de fonctionnement' },
  { number: '195', label: 'Fonds dédiés sur contributions financières d’autres organismes' },
  { number: '196', label: 'Fonds dédiés sur ressources liées à la générosité du public' },
  { number: '2183', label: 'Matériel de bureau et matériel informatique' },
  { number: '2184', label: 'Mobilier' },
  { number: '401', label: 'Fournisseurs' },
  { number: '421', label: 'Personnel – rémunérations dues' },
  { number: '431', label: 'Sécurité sociale' },
  { number: '4411', label: 'Subventions à recevoir – conventions fléchées' },
  { number: '4412', label: 'Subventions à recevoir – conventions non fléchées' },
  { number: '4671', label: 'Débiteurs divers' },
  { number: '4672', label: 'Créditeurs divers' },
  { number: '4686', label: 'Aides financières à verser (charges à payer)' },
  { number: '4687', label: 'Produits à recevoir' },
  { number: '471', label: 'Compte d’attente' },
  { number: '486', label: 'Charges constatées d’avance' },
  { number: '487', label: 'Produits constatés d’avance' },
  { number: '5121', label: 'Banque – compte en euros' },
  { number: '5122', label: 'Banque – compte en dollars des États-Unis' },
  { number: '5123', label: 'Banque – compte en dollars canadiens' },
  { number: '5124', label: 'Banque – compte en francs suisses' },
  { number: '5125', label: 'Banque – compte en francs CFA (UEMOA)' },
  { number: '5126', label: 'Banque – compte en francs CFA (CEMAC)' },
  { number: '5127', label: 'Banque – compte en livres sterling' },
  { number: '5128', label: 'Banque – comptes en autres devises' },
  { number: '530', label: 'Caisse' },
  { number: '580', label: 'Virements internes' },
  { number: '6064', label: 'Fournitures administratives' },
  { number: '611', label: 'Sous-traitance générale' },
  { number: '613', label: 'Locations' },
  { number: '614', label: 'Charges locatives et de copropriété' },
  { number: '615', label: 'Entretien et réparations' },
  { number: '616', label: 'Primes d’assurance' },
  { number: '6185', label: 'Frais de colloques, séminaires, conférences' },
  { number: '621', label: 'Personnel extérieur à l’association' },
  { number: '622', label: 'Rémunérations d’intermédiaires et honoraires' },
  { number: '623', label: 'Publicité, publications, relations publiques' },
  { number: '625', label: 'Déplacements, missions et réceptions' },
  { number: '626', label: 'Frais postaux et de télécommunications' },
  { number: '627', label: 'Services bancaires et assimilés' },
  { number: '628', label: 'Divers (autres services extérieurs)' },
  { number: '631', label: 'Impôts, taxes et versements assimilés sur rémunérations' },
  { number: '641', label: 'Rémunérations du personnel' },
  { number: '645', label: 'Charges de sécurité sociale et de prévoyance' },
  { number: '647', label: 'Autres charges sociales' },
  { number: '6571', label: 'Aides financières octroyées' },
  { number: '658', label: 'Charges diverses de gestion courante' },
  { number: '666', label: 'Pertes de change' },
  { number: '671', label: 'Charges exceptionnelles sur opérations de gestion' },
  { number: '6811', label: 'Dotations aux amortissements des immobilisations' },
  { number: '6894', label: 'Reports en fonds dédiés sur subventions de fonctionnement' },
  { number: '6895', label: 'Reports en fonds dédiés sur contributions financières' },
  { number: '706', label: 'Prestations de services' },
  { number: '741', label: 'Subventions d’exploitation – État' },
  { number: '742', label: 'Subventions d’exploitation – Régions' },
  { number: '743', label: 'Subventions d’exploitation – Départements' },
  { number: '744', label: 'Subventions d’exploitation – Communes et groupements' },
  { number: '746', label: 'Subventions d’exploitation – Fonds européens' },
  { number: '748', label: 'Autres subventions d’exploitation' },
  { number: '7541', label: 'Dons manuels' },
  { number: '7551', label: 'Contributions financières d’autres organismes' },
  { number: '7561', label: 'Cotisations sans contrepartie' },
  { number: '7562', label: 'Cotisations avec contrepartie' },
  { number: '7588', label: 'Autres produits divers de gestion courante' },
  { number: '766', label: 'Gains de change' },
  { number: '768', label: 'Autres produits financiers' },
  { number: '771', label: 'Produits exceptionnels sur opérations de gestion' },
  { number: '7894', label: 'Utilisations des fonds dédiés sur subventions de fonctionnement' },
  { number: '7895', label: 'Utilisations des fonds dédiés sur contributions financières' },
]

/**
 * The part an account plays in an entry derived from the ledger. A rule maps a role, under
 * conditions (the fund class, the nature, the funder's kind, the budget line), to an account.
 */
export const RULE_ROLES = [
  'subsidy.income',
  'subsidy.receivable',
  'dues.income',
  'other.income',
  'grant.expense',
  'grant.payable',
  'expense',
  'exchange.loss',
  'exchange.gain',
  'dedicated.charge',
  'dedicated.release',
  'dedicated.fund',
  'deferred.income',
  'retained.profit',
  'retained.loss',
  'result.profit',
  'result.loss',
] as const
export type RuleRole = (typeof RULE_ROLES)[number]

export const RULE_CONDITIONS = ['fundClass', 'nature', 'funderKind', 'budgetLine'] as const
export type RuleCondition = (typeof RULE_CONDITIONS)[number]

/** The conditions each role can be told apart by (the others are not known when it is used). */
export const ROLE_CONDITIONS: Record<RuleRole, readonly RuleCondition[]> = {
  'subsidy.income': ['fundClass', 'nature', 'funderKind'],
  'subsidy.receivable': ['fundClass', 'funderKind'],
  'dues.income': [],
  'other.income': [],
  'grant.expense': ['fundClass', 'nature'],
  'grant.payable': ['fundClass'],
  expense: ['fundClass', 'nature', 'budgetLine'],
  'exchange.loss': [],
  'exchange.gain': [],
  'dedicated.charge': ['funderKind'],
  'dedicated.release': ['funderKind'],
  'dedicated.fund': ['funderKind'],
  'deferred.income': ['fundClass', 'funderKind'],
  'retained.profit': [],
  'retained.loss': [],
  'result.profit': [],
  'result.loss': [],
}

export interface RuleMatch {
  fundClass: 'tied' | 'untied' | null
  nature: 'operating' | 'investment' | null
  funderKind: FunderKind | null
  /** A budget line's code ("1.3"). */
  budgetLine: string | null
}

export interface DefaultRule extends Partial<RuleMatch> {
  role: RuleRole
  account: string
}

export const DEFAULT_RULES: readonly DefaultRule[] = [
  { role: 'subsidy.income', account: '748' },
  { role: 'subsidy.income', funderKind: 'state', account: '741' },
  { role: 'subsidy.income', funderKind: 'local_government', account: '744' },
  { role: 'subsidy.income', funderKind: 'city', account: '744' },
  { role: 'subsidy.income', funderKind: 'foundation', account: '7551' },
  { role: 'subsidy.receivable', fundClass: 'tied', account: '4411' },
  { role: 'subsidy.receivable', fundClass: 'untied', account: '4412' },
  { role: 'dues.income', account: '7561' },
  { role: 'other.income', account: '7588' },
  { role: 'grant.expense', account: '6571' },
  { role: 'grant.payable', account: '4686' },
  { role: 'expense', account: '628' },
  { role: 'exchange.loss', account: '666' },
  { role: 'exchange.gain', account: '766' },
  { role: 'dedicated.charge', account: '6894' },
  { role: 'dedicated.charge', funderKind: 'foundation', account: '6895' },
  { role: 'dedicated.release', account: '7894' },
  { role: 'dedicated.release', funderKind: 'foundation', account: '7895' },
  { role: 'dedicated.fund', account: '194' },
  { role: 'dedicated.fund', funderKind: 'foundation', account: '195' },
  { role: 'deferred.income', account: '487' },
  { role: 'retained.profit', account: '110' },
  { role: 'retained.loss', account: '119' },
  { role: 'result.profit', account: '120' },
  { role: 'result.loss', account: '129' },
]

/** The bank account and journal of a currency that has no bank account of its own in the file. */
export interface DefaultBank {
  account: string
  journalCode: string
}

const DEFAULT_BANKS: Record<string, DefaultBank> = {
  EUR: { account: '5121', journalCode: 'BQ1' },
  USD: { account: '5122', journalCode: 'BQ2' },
  CAD: { account: '5123', journalCode: 'BQ3' },
  CHF: { account: '5124', journalCode: 'BQ4' },
  XOF: { account: '5125', journalCode: 'BQ5' },
  XAF: { account: '5126', journalCode: 'BQ6' },
  GBP: { account: '5127', journalCode: 'BQ7' },
}
const OTHER_CURRENCIES: DefaultBank = { account: '5128', journalCode: 'BQ8' }

export function defaultBank(currency: string): DefaultBank {
  return DEFAULT_BANKS[currency] ?? OTHER_CURRENCIES
}

export const DEFAULT_JOURNALS = {
  general: { code: 'OD', label: 'Opérations diverses' },
  opening: { code: 'AN', label: 'À-nouveaux' },
} as const

/** Account numbers: three digits of the French chart first (the FEC requires it), then up to nine more. */
export const ACCOUNT_NUMBER = /^[1-7][0-9]{2}[0-9A-Z]{0,9}$/
/** Journal codes: letters and digits, six at most (Sage, EBP and Cegid accept them). */
export const JOURNAL_CODE = /^[A-Z0-9]{1,6}$/

/** The class of an account (1 to 7): 1–5 are the balance sheet, 6 and 7 the result. */
export function accountClass(number: string): number {
  return Number(number[0])
}

export function isBalanceSheet(number: string): boolean {
  return accountClass(number) <= 5
}
