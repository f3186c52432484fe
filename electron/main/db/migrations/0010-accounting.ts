import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * The accounting bridge (issue 26). The books themselves are not stored: every journal entry is
 * derived from the ledger when it is asked for (accounting/entries.ts). What is stored is what a
 * person decides, each a record synced like the others:
 * - the chart of accounts' additions and renamed accounts (the ANC 2018-06 defaults live in
 *   code), and the mapping rules from ledger events to accounts, each valid from a day so that
 *   a change never rewrites a closed period;
 * - the bank accounts, one per currency at least, each with its journal; the account a cash
 *   event went through is kept on its ledger entry (`bank_account_id`, null for the default of
 *   its currency as the chart defines it);
 * - the journals' codes and the SIREN printed in the FEC's name (one row, like the organisation);
 * - the closed periods, each with the ledger entries it closed and the digest of their books;
 * - the reports sent to funders, archived with their figures and a digest.
 */
export const accounting: Migration = {
  version: 10,
  name: '0010-accounting',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)
    await sql`
      CREATE TABLE accounting_accounts (
        ${record},
        number TEXT NOT NULL,
        label TEXT NOT NULL,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX accounting_accounts_by_number ON accounting_accounts (number)`.execute(
      db,
    )
    await sql`
      CREATE TABLE accounting_rules (
        ${record},
        role TEXT NOT NULL,
        fund_class TEXT CHECK (fund_class IN ('tied', 'untied')),
        nature TEXT CHECK (nature IN ('operating', 'investment')),
        funder_kind TEXT,
        budget_line TEXT,
        account TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        note TEXT
      )`.execute(db)
    await sql`
      CREATE TABLE bank_accounts (
        ${record},
        label TEXT NOT NULL,
        currency TEXT NOT NULL,
        account TEXT NOT NULL,
        journal_code TEXT NOT NULL,
        journal_label TEXT NOT NULL,
        iban TEXT,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        note TEXT
      )`.execute(db)
    await sql`
      CREATE TABLE accounting_settings (
        ${record},
        siren TEXT,
        general_journal_code TEXT NOT NULL,
        general_journal_label TEXT NOT NULL,
        opening_journal_code TEXT NOT NULL,
        opening_journal_label TEXT NOT NULL
      )`.execute(db)
    // A closure closes every day up to `closes_through` (the end of a month or a year) that the
    // previous one left open. `ledger_ids` are the ledger entries it closed, so that an entry
    // synced in later from a copy that did not know of the closing is told apart (and booked in
    // the open period); `late_ids` are those of them dated before the previous closing, which
    // had been booked on the first open day; `journals` holds each journal's count, totals and
    // last number, and `digest` the SHA-256 of the period's books. `frozen` keeps what the
    // period's books were made with besides the ledger — the mapping, the bank accounts and
    // journals, the funders' kinds and sub-accounts, the agreements' dates, the budget lines'
    // codes, and the year-end figures of the years it closed — so that a later change of any of
    // them applies to the open period only.
    await sql`
      CREATE TABLE period_closures (
        ${record},
        closes_through TEXT NOT NULL,
        previous_through TEXT,
        closed_on TEXT NOT NULL,
        ledger_ids TEXT NOT NULL,
        late_ids TEXT NOT NULL,
        entry_count INTEGER NOT NULL,
        journals TEXT NOT NULL,
        digest TEXT NOT NULL,
        frozen TEXT NOT NULL,
        note TEXT,
        reopen_reason TEXT
      )`.execute(db)
    await sql`
      CREATE TABLE sent_reports (
        ${record},
        kind TEXT NOT NULL,
        agreement_id TEXT REFERENCES agreements (id),
        title TEXT NOT NULL,
        request TEXT NOT NULL,
        sent_on TEXT NOT NULL,
        recipient TEXT,
        note TEXT,
        format TEXT,
        digest TEXT NOT NULL,
        row_digests TEXT NOT NULL,
        figures TEXT NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX sent_reports_by_agreement ON sent_reports (agreement_id)`.execute(db)
    await sql`ALTER TABLE ledger_entries ADD COLUMN bank_account_id TEXT REFERENCES bank_accounts (id)`.execute(
      db,
    )
  },
}
