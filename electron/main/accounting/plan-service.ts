import { sql } from 'kysely'
import type { RecordWriter } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import { DEFAULT_ACCOUNTS, defaultBank } from '@shared/accounting/chart'
import type {
  AccountingPlanView,
  AccountingSettings,
  BankAccountFields,
  RuleFields,
  RuleView,
} from '@shared/accounting/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { ACCOUNTING_SETTINGS_ID, ALWAYS, type AccountingPlan, loadPlan, readSettings } from './plan'

const sameConditions = (
  a: Omit<RuleFields, 'account' | 'note'>,
  b: Omit<RuleFields, 'account' | 'note'>,
) =>
  a.role === b.role &&
  a.fundClass === b.fundClass &&
  a.nature === b.nature &&
  a.funderKind === b.funderKind &&
  a.budgetLine === b.budgetLine

/**
 * Paramètres → Comptabilité: the chart of accounts, the mapping rules, the bank accounts and the
 * journals. A change applies to the open period only: a closing froze the plan its books were
 * made with (frozen.ts).
 */
export class AccountingPlanService {
  constructor(private readonly file: DataFile) {}

  async view(): Promise<AccountingPlanView> {
    const db = this.file.db
    const plan = await loadPlan(db)
    const defaults = new Map(DEFAULT_ACCOUNTS.map((a) => [a.number, a.label]))
    const accounts = [...plan.accounts]
      .map(([number, account]) => ({
        number,
        label: account.label,
        defaultLabel: defaults.get(number) ?? null,
        added: account.added,
        note: account.note,
      }))
      .sort((a, b) => a.number.localeCompare(b.number))
    const rules: RuleView[] = plan.rules.map((rule) => ({
      id: rule.id,
      role: rule.role,
      fundClass: rule.fundClass,
      nature: rule.nature,
      funderKind: rule.funderKind,
      budgetLine: rule.budgetLine,
      account: rule.account,
      accountLabel: plan.accountLabel(rule.account),
      validFrom: rule.validFrom,
      validUntil: null,
      isDefault: rule.id === null,
      note: rule.note,
    }))
    // A default of the chart replaced by the file's own rule for the same case is shown so.
    for (const rule of rules) {
      if (!rule.isDefault) continue
      if (rules.some((other) => !other.isDefault && sameConditions(other, rule))) {
        rule.validUntil = 'replaced'
      }
    }
    const counts = new Map<string | null, number>()
    for (const row of await db
      .selectFrom('ledger_entries')
      .select(['bank_account_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('bank_account_id', 'is not', null)
      .groupBy('bank_account_id')
      .execute()) {
      counts.set(row.bank_account_id, Number(row.n))
    }
    const currencies = (
      await sql<{ currency: CurrencyCode }>`
        SELECT DISTINCT currency FROM ledger_entries
        WHERE kind IN ('receipt', 'other_income', 'due_payment', 'disbursement', 'expense')
        ORDER BY currency`.execute(db)
    ).rows.map((r) => r.currency)
    const banks = [...plan.banks.values()]
      .filter((bank) => !bank.archived)
      .map((bank) => ({
        id: bank.id as string | null,
        label: bank.label,
        currency: bank.currency as CurrencyCode,
        account: bank.account,
        journalCode: bank.journalCode,
        journalLabel: bank.journalLabel,
        iban: bank.iban,
        isDefault: bank.isDefault,
        note: bank.note,
        entries: counts.get(bank.id) ?? 0,
      }))
    const defaultCounts = await sql<{ currency: string; n: number }>`
      SELECT currency, COUNT(*) AS n FROM ledger_entries
      WHERE bank_account_id IS NULL
        AND kind IN ('receipt', 'other_income', 'due_payment', 'disbursement', 'expense')
      GROUP BY currency`.execute(db)
    for (const currency of new Set([...currencies, 'EUR' as CurrencyCode])) {
      if (banks.some((b) => b.currency === currency && b.isDefault)) continue
      const fallback = plan.bank(null, currency)
      banks.push({
        id: null,
        label: plan.accountLabel(fallback.account),
        currency,
        account: fallback.account,
        journalCode: fallback.journal.code,
        journalLabel: fallback.journal.label,
        iban: null,
        isDefault: true,
        note: null,
        entries: Number(defaultCounts.rows.find((r) => r.currency === currency)?.n ?? 0),
      })
    }
    banks.sort((a, b) => a.currency.localeCompare(b.currency) || a.label.localeCompare(b.label))
    const lines = await db
      .selectFrom('budget_items')
      .select(['code', 'label'])
      .where('item_kind', '=', 'line')
      .where('deleted_at', 'is', null)
      .orderBy('code')
      .orderBy('created_at', 'desc')
      .execute()
    const budgetLines = [...new Map(lines.map((l) => [l.code, l.label])).entries()].map(
      ([code, label]) => ({ code, label }),
    )
    return {
      accounts,
      rules,
      bankAccounts: banks,
      settings: plan.settings,
      currencies,
      budgetLines,
    }
  }

  async saveAccount(
    input: { number: string; label: string; note: string | null },
    author: string,
  ): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const own = await writer.trx
        .selectFrom('accounting_accounts')
        .selectAll()
        .where('number', '=', input.number)
        .where('deleted_at', 'is', null)
        .orderBy('updated_at', 'desc')
        .executeTakeFirst()
      if (own) {
        await writer.update(
          'accounting_accounts',
          own.id,
          { label: input.label, note: input.note },
          own,
        )
      } else {
        await writer.insert('accounting_accounts', input)
      }
    })
    return this.view()
  }

  async removeAccount(number: string, author: string): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const plan = await loadPlan(writer.trx)
      if (DEFAULT_ACCOUNTS.some((a) => a.number === number)) {
        throw fieldFailure('CONFLICT', 'number', 'accounting.errors.accountDefault', { number })
      }
      const used =
        plan.rules.some((r) => r.id !== null && r.account === number) ||
        [...plan.banks.values()].some((b) => !b.archived && b.account === number)
      if (used)
        throw fieldFailure('CONFLICT', 'number', 'accounting.errors.accountInUse', { number })
      const own = await writer.trx
        .selectFrom('accounting_accounts')
        .select('id')
        .where('number', '=', number)
        .where('deleted_at', 'is', null)
        .execute()
      if (own.length === 0) throw new AppFailure('NOT_FOUND')
      for (const row of own) await writer.archive('accounting_accounts', row.id)
    })
    return this.view()
  }

  async saveRule(rule: RuleFields, author: string): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const plan = await loadPlan(writer.trx)
      assertInChart(plan, rule.account, 'account')
      const own = plan.rules.find((r) => r.id !== null && sameConditions(r, rule))
      const values = {
        role: rule.role,
        fund_class: rule.fundClass,
        nature: rule.nature,
        funder_kind: rule.funderKind,
        budget_line: rule.budgetLine,
        account: rule.account,
        note: rule.note,
      }
      if (own?.id) await writer.update('accounting_rules', own.id, values)
      else await writer.insert('accounting_rules', { ...values, valid_from: ALWAYS })
    })
    return this.view()
  }

  /** Removes a rule of the file: the chart's default applies again (closed periods keep theirs). */
  async removeRule(id: string, author: string): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('accounting_rules')
        .select(['id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND', 'accounting.errors.ruleUnknown')
      await writer.archive('accounting_rules', id)
    })
    return this.view()
  }

  async saveBank(bank: BankAccountFields, author: string): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const settings = await readSettings(writer.trx)
      if ([settings.generalJournalCode, settings.openingJournalCode].includes(bank.journalCode)) {
        throw fieldFailure('VALIDATION', 'journalCode', 'accounting.errors.journalTaken', {
          code: bank.journalCode,
        })
      }
      const plan = await loadPlan(writer.trx)
      if (!plan.accounts.has(bank.account)) {
        // A bank account's own number joins the chart, under its name.
        await writer.insert('accounting_accounts', {
          number: bank.account,
          label: bank.label,
          note: null,
        })
      }
      const values = {
        label: bank.label,
        currency: bank.currency,
        account: bank.account,
        journal_code: bank.journalCode,
        journal_label: bank.journalLabel,
        iban: bank.iban,
        is_default: bank.isDefault ? 1 : 0,
        note: bank.note,
      }
      let id = bank.id
      if (id) {
        const current = plan.banks.get(id)
        if (!current || current.archived)
          throw new AppFailure('NOT_FOUND', 'accounting.errors.bankUnknown')
        await writer.update('bank_accounts', id, values)
      } else {
        id = await writer.insert('bank_accounts', values)
      }
      // One default per currency: choosing one unsets the others.
      if (bank.isDefault) await unsetOtherDefaults(writer, id, bank.currency)
    })
    return this.view()
  }

  async archiveBank(id: string, author: string): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('bank_accounts')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) throw new AppFailure('NOT_FOUND', 'accounting.errors.bankUnknown')
      await writer.update('bank_accounts', id, { is_default: 0 })
      await writer.archive('bank_accounts', id)
    })
    return this.view()
  }

  async saveSettings(settings: AccountingSettings, author: string): Promise<AccountingPlanView> {
    await this.file.write(author, async (writer) => {
      const plan = await loadPlan(writer.trx)
      for (const [field, code] of [
        ['generalJournalCode', settings.generalJournalCode],
        ['openingJournalCode', settings.openingJournalCode],
      ] as const) {
        const clash = [...plan.banks.values()].some((b) => !b.archived && b.journalCode === code)
        const chartBank = ['EUR', 'USD', 'CAD', 'CHF', 'XOF', 'XAF', 'GBP', 'other'].some(
          (currency) => defaultBank(currency).journalCode === code,
        )
        if (clash || chartBank) {
          throw fieldFailure('VALIDATION', field, 'accounting.errors.journalTaken', { code })
        }
      }
      const values = {
        siren: settings.siren,
        general_journal_code: settings.generalJournalCode,
        general_journal_label: settings.generalJournalLabel,
        opening_journal_code: settings.openingJournalCode,
        opening_journal_label: settings.openingJournalLabel,
      }
      const exists = await writer.trx
        .selectFrom('accounting_settings')
        .select('id')
        .where('id', '=', ACCOUNTING_SETTINGS_ID)
        .executeTakeFirst()
      if (exists) await writer.update('accounting_settings', ACCOUNTING_SETTINGS_ID, values)
      else await writer.insert('accounting_settings', values, ACCOUNTING_SETTINGS_ID)
    })
    return this.view()
  }
}

function assertInChart(plan: AccountingPlan, number: string, field: string): void {
  if (!plan.accounts.has(number)) {
    throw fieldFailure('VALIDATION', field, 'accounting.errors.accountUnknown', { number })
  }
}

async function unsetOtherDefaults(writer: RecordWriter, id: string, currency: string) {
  const others = await writer.trx
    .selectFrom('bank_accounts')
    .select('id')
    .where('currency', '=', currency)
    .where('is_default', '=', 1)
    .where('id', '!=', id)
    .execute()
  for (const other of others) await writer.update('bank_accounts', other.id, { is_default: 0 })
}
