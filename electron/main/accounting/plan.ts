import type { DataFile } from '../db/data-file'
import {
  DEFAULT_ACCOUNTS,
  DEFAULT_JOURNALS,
  DEFAULT_RULES,
  RULE_CONDITIONS,
  type RuleMatch,
  type RuleRole,
  defaultBank,
} from '@shared/accounting/chart'
import type { AccountingSettings } from '@shared/accounting/schema'
import type { FunderKind } from '@shared/funders/schema'

/** The one row of accounting settings has the same id in every copy of a file. */
export const ACCOUNTING_SETTINGS_ID = '00000000-0000-7000-8000-0000000acc01'

/** The first day every rule of the chart applies to. */
export const ALWAYS = '0000-01-01'

export interface Rule extends RuleMatch {
  id: string | null
  role: RuleRole
  account: string
  validFrom: string
  note: string | null
}

export interface Journal {
  code: string
  label: string
}

/** Where a cash event's money went in or out: the account, its journal and its currency. */
export interface BankRef {
  account: string
  journal: Journal
  /** The bank account's own currency: amounts in another one are shown in euros only. */
  currency: string
}

export interface BankRecord {
  id: string
  label: string
  currency: string
  account: string
  journalCode: string
  journalLabel: string
  iban: string | null
  isDefault: boolean
  note: string | null
  archived: boolean
}

/**
 * The chart of accounts, the mapping rules, the bank accounts and the journals of a file: the
 * defaults of the chart overlaid with what its users changed. Read once per derivation.
 */
export class AccountingPlan {
  private readonly byRole = new Map<RuleRole, Rule[]>()
  private readonly resolved = new Map<string, string>()

  constructor(
    readonly accounts: ReadonlyMap<string, { label: string; added: boolean; note: string | null }>,
    readonly rules: readonly Rule[],
    readonly banks: ReadonlyMap<string, BankRecord>,
    readonly settings: AccountingSettings,
  ) {
    for (const rule of rules)
      this.byRole.set(rule.role, [...(this.byRole.get(rule.role) ?? []), rule])
  }

  get general(): Journal {
    return { code: this.settings.generalJournalCode, label: this.settings.generalJournalLabel }
  }

  get opening(): Journal {
    return { code: this.settings.openingJournalCode, label: this.settings.openingJournalLabel }
  }

  accountLabel(number: string): string {
    return this.accounts.get(number)?.label ?? number
  }

  /**
   * The account a role goes to for an event of the given kind on a day: the most specific rule
   * whose conditions all hold, the latest of those that apply on that day, a person's rule
   * before the chart's.
   */
  account(role: RuleRole, match: RuleMatch, day: string): string {
    const key = `${role}|${match.fundClass}|${match.nature}|${match.funderKind}|${match.budgetLine}|${day}`
    const known = this.resolved.get(key)
    if (known) return known
    let best: { rule: Rule; score: number } | null = null
    for (const rule of this.byRole.get(role) ?? []) {
      if (rule.validFrom > day) continue
      let specific = 0
      let holds = true
      for (const condition of RULE_CONDITIONS) {
        if (rule[condition] === null) continue
        if (rule[condition] !== match[condition]) holds = false
        specific += 1
      }
      if (!holds) continue
      if (!best || outranks(rule, specific, best.rule, best.score)) best = { rule, score: specific }
    }
    // Every role has a rule without conditions among the defaults.
    const account = best?.rule.account ?? '471'
    if (this.resolved.size > 50_000) this.resolved.clear()
    this.resolved.set(key, account)
    return account
  }

  /** The bank account a cash event named, or its currency's default in the chart. */
  bank(bankAccountId: string | null, currency: string): BankRef {
    const record = bankAccountId ? this.banks.get(bankAccountId) : undefined
    if (record) {
      return {
        account: record.account,
        journal: { code: record.journalCode, label: record.journalLabel },
        currency: record.currency,
      }
    }
    const fallback = defaultBank(currency)
    return {
      account: fallback.account,
      journal: { code: fallback.journalCode, label: `Banque ${currency}` },
      currency,
    }
  }
}

function outranks(rule: Rule, specific: number, other: Rule, otherSpecific: number): boolean {
  if (specific !== otherSpecific) return specific > otherSpecific
  if (rule.validFrom !== other.validFrom) return rule.validFrom > other.validFrom
  if ((rule.id === null) !== (other.id === null)) return rule.id !== null
  return (rule.id ?? '') > (other.id ?? '')
}

/** The chart's default rules, as rules that always applied. */
export function defaultRules(): Rule[] {
  return DEFAULT_RULES.map((rule) => ({
    id: null,
    role: rule.role,
    account: rule.account,
    fundClass: rule.fundClass ?? null,
    nature: rule.nature ?? null,
    funderKind: rule.funderKind ?? null,
    budgetLine: rule.budgetLine ?? null,
    validFrom: ALWAYS,
    note: null,
  }))
}

export async function readSettings(db: DataFile['db']): Promise<AccountingSettings> {
  const row = await db
    .selectFrom('accounting_settings')
    .selectAll()
    .where('id', '=', ACCOUNTING_SETTINGS_ID)
    .executeTakeFirst()
  return {
    siren: row?.siren ?? null,
    generalJournalCode: row?.general_journal_code ?? DEFAULT_JOURNALS.general.code,
    generalJournalLabel: row?.general_journal_label ?? DEFAULT_JOURNALS.general.label,
    openingJournalCode: row?.opening_journal_code ?? DEFAULT_JOURNALS.opening.code,
    openingJournalLabel: row?.opening_journal_label ?? DEFAULT_JOURNALS.opening.label,
  }
}

export async function readBankAccounts(db: DataFile['db']): Promise<BankRecord[]> {
  const rows = await db.selectFrom('bank_accounts').selectAll().orderBy('created_at').execute()
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    currency: row.currency,
    account: row.account,
    journalCode: row.journal_code,
    journalLabel: row.journal_label,
    iban: row.iban,
    isDefault: row.is_default === 1 && row.deleted_at === null,
    note: row.note,
    archived: row.deleted_at !== null,
  }))
}

/** Reads the plan of a file: the chart's defaults with its users' changes over them. */
export async function loadPlan(db: DataFile['db']): Promise<AccountingPlan> {
  const accounts = new Map<string, { label: string; added: boolean; note: string | null }>()
  for (const account of DEFAULT_ACCOUNTS) {
    accounts.set(account.number, { label: account.label, added: false, note: null })
  }
  const own = await db
    .selectFrom('accounting_accounts')
    .select(['number', 'label', 'note'])
    .where('deleted_at', 'is', null)
    .orderBy('updated_at')
    .orderBy('id')
    .execute()
  for (const row of own) {
    accounts.set(row.number, {
      label: row.label,
      added: !DEFAULT_ACCOUNTS.some((a) => a.number === row.number),
      note: row.note,
    })
  }
  const rules = defaultRules()
  const rows = await db
    .selectFrom('accounting_rules')
    .selectAll()
    .where('deleted_at', 'is', null)
    .execute()
  for (const row of rows) {
    rules.push({
      id: row.id,
      role: row.role as RuleRole,
      account: row.account,
      fundClass: row.fund_class,
      nature: row.nature,
      funderKind: row.funder_kind as FunderKind | null,
      budgetLine: row.budget_line,
      validFrom: row.valid_from,
      note: row.note,
    })
  }
  const banks = new Map((await readBankAccounts(db)).map((bank) => [bank.id, bank]))
  return new AccountingPlan(accounts, rules, banks, await readSettings(db))
}
