import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import {
  allRows,
  closeNative,
  exec,
  openNative,
  OPEN_CREATE,
  OPEN_READONLY,
  OPEN_READWRITE,
} from '../../electron/main/db/sqlite-native'
import { loadExcelJS } from '../../electron/main/workbook/load-exceljs'
import type { Cell, ReportDocument } from '@shared/reports/model'

/*
 * The floors: the same work as the application's, done the most direct way on the same data —
 * raw SQL through the same sqlite3 binding, exceljs's streaming writer writing the same cells,
 * pdfmake drawing the same tables in the same thread. A ratio to its floor says how much the
 * application's own layers cost.
 */

/** A statement of a floor, or a whole table read a page at a time. */
export type FloorQuery = string | { table: string }

/** Runs raw SQL statements on a read-only connection and returns the time of each run. */
export async function sqlFloor(path: string, statements: FloorQuery[], runs: number) {
  const db = await openNative(path, OPEN_READONLY)
  const read = async (statement: FloorQuery) => {
    if (typeof statement === 'string') return void (await allRows(db, statement))
    // A whole table a page at a time, by id, as the export reads its large registers: read in
    // one statement, 140,000 rows sit in memory at once and take longer than the export.
    let after = ''
    for (;;) {
      const page = await allRows<{ id: string }>(
        db,
        `SELECT * FROM ${statement.table} WHERE deleted_at IS NULL AND id > '${after}'
          ORDER BY id LIMIT 5000`,
      )
      const last = page.at(-1)
      if (!last) return
      after = last.id
    }
  }
  try {
    for (const statement of statements) await read(statement)
    const times: number[] = []
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now()
      for (const statement of statements) await read(statement)
      times.push(performance.now() - start)
    }
    return times
  } finally {
    await closeNative(db)
  }
}

/** The dashboard's sums for a year: the period's flows, balances at its end, income by year. */
export function dashboardSql(year: number, today: string): string[] {
  return [
    `SELECT fund_class, kind, SUM(eur_minor) FROM ledger_entries WHERE deleted_at IS NULL
      AND entry_date >= '${year}-01-01' AND entry_date <= '${year}-12-31' GROUP BY 1, 2`,
    `SELECT fund_class, kind, SUM(eur_minor) FROM ledger_entries WHERE deleted_at IS NULL
      AND entry_date <= '${year}-12-31' GROUP BY 1, 2`,
    `SELECT substr(entry_date, 1, 4), fund_class, SUM(eur_minor) FROM ledger_entries
      WHERE deleted_at IS NULL AND fund_class IN ('tied', 'untied')
      AND kind IN ('receipt', 'due_payment', 'other_income')
      AND entry_date <= '${today}' GROUP BY 1, 2`,
    `SELECT nature, kind, SUM(eur_minor) FROM ledger_entries WHERE deleted_at IS NULL
      AND entry_date >= '${year}-01-01' AND entry_date <= '${year}-12-31' GROUP BY 1, 2`,
  ]
}

/** The project list's rows with a status and country filter, and each project's money. */
export function projectListSql(status: string, country: string): string[] {
  return [
    `SELECT p.id, p.code, p.title, m.name, m.country, p.status, p.total_cost_minor,
      SUM(CASE WHEN e.kind = 'allocation' THEN e.eur_minor ELSE 0 END),
      SUM(CASE WHEN e.kind = 'disbursement' THEN e.eur_minor ELSE 0 END)
    FROM projects p JOIN members m ON m.id = p.member_id
      LEFT JOIN financing_lines l ON l.project_id = p.id AND l.deleted_at IS NULL
      LEFT JOIN ledger_entries e ON e.use_table = 'financing_lines' AND e.use_id = l.id
        AND e.deleted_at IS NULL
    WHERE p.deleted_at IS NULL AND p.status = '${status}' AND m.country = '${country}'
    GROUP BY p.id ORDER BY p.code`,
  ]
}

/** An agreement's row, its amendments, and its ledger sums by kind. */
export function agreementSql(id: string): string[] {
  return [
    `SELECT * FROM agreements WHERE id = '${id}'`,
    `SELECT * FROM agreement_amendments WHERE agreement_id = '${id}' AND deleted_at IS NULL`,
    `SELECT kind, SUM(amount_minor), SUM(eur_minor) FROM ledger_entries
      WHERE agreement_id = '${id}' AND deleted_at IS NULL GROUP BY kind`,
  ]
}

/**
 * The rows of the registers the full export writes, each table read whole: every register's
 * table (the projects', the dues' and the budget's included since they joined the workbook).
 */
export function registerTablesSql(): FloorQuery[] {
  return [
    ...[
      'funders',
      'exchange_rates',
      'members',
      'member_contacts',
      'member_roles',
      'agreements',
      'agreement_amendments',
      'agreement_instalments',
      'agreement_reports',
      'agreement_headings',
      'agreement_projects',
      'receipts',
      'other_income',
      'dues_bands',
      'dues_overrides',
      'dues_settlements',
      'projects',
      'project_transitions',
      'financing_lines',
      'tranches',
      'project_expenses',
      'indicators',
      'indicator_values',
      'budget_versions',
      'budget_items',
      'budget_line_sources',
      'budget_expenses',
    ].map((table) => ({ table })),
    `SELECT c.*, m.code FROM dues_calls c JOIN members m ON m.id = c.member_id
      WHERE c.deleted_at IS NULL`,
    `SELECT p.*, m.code FROM dues_payments p JOIN members m ON m.id = p.member_id
      WHERE p.deleted_at IS NULL`,
  ]
}

/** A report cell as a plain value. */
function plain(cell: Cell): string | number | Date | null {
  if (!cell) return null
  switch (cell.kind) {
    case 'text':
      return cell.text
    case 'money':
      return cell.minor / 100
    case 'percent':
      return cell.ratio
    case 'number':
    case 'year':
      return cell.value
    case 'rate':
      return Number(cell.rate)
    case 'date':
      return new Date(cell.iso)
  }
}

/** A report's cells written by exceljs's streaming writer, one sheet per view. */
export async function reportWorkbookFloor(report: ReportDocument, path: string): Promise<void> {
  const ExcelJS = await loadExcelJS()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path })
  for (const sheet of report.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name)
    for (const table of sheet.tables) {
      worksheet.addRow(table.columns.map((c) => c.label)).commit()
      for (const row of table.rows) worksheet.addRow(row.cells.map(plain)).commit()
    }
    worksheet.commit()
  }
  await workbook.commit()
}

/** The cells of a workbook, read back: what the floor of an export writes. */
export async function workbookCells(path: string): Promise<{ name: string; rows: unknown[][] }[]> {
  const ExcelJS = await loadExcelJS()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return workbook.worksheets.map((worksheet) => {
    const rows: unknown[][] = []
    worksheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1))
    })
    return { name: worksheet.name, rows }
  })
}

/** The same cells written by exceljs's streaming writer. */
export async function cellsWorkbookFloor(
  sheets: { name: string; rows: unknown[][] }[],
  path: string,
): Promise<void> {
  // The same cells as the export: dates carry a date format, or they would read as plain
  // numbers in Excel. Two style objects shared by every cell, which exceljs registers once.
  const ExcelJS = await loadExcelJS()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true })
  const dateStyle = { numFmt: 'dd/mm/yyyy' }
  const plainStyle = {}
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name)
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row)
      row.forEach((value, i) => {
        added.getCell(i + 1).style = value instanceof Date ? dateStyle : plainStyle
      })
      added.commit()
    }
    worksheet.commit()
  }
  await workbook.commit()
}

const resolveCommonJs = createRequire(import.meta.url)

/** The report's tables as plain text cells, drawn by pdfmake in this thread. */
export async function reportPdfFloor(report: ReportDocument): Promise<Buffer> {
  const engine = resolveCommonJs('pdfmake') as {
    setFonts: (fonts: unknown) => void
    setUrlAccessPolicy: (policy: () => boolean) => void
    setLocalAccessPolicy: (policy: (path: string) => boolean) => void
    createPdf: (definition: TDocumentDefinitions) => { getBuffer: () => Promise<Buffer> }
  }
  const fonts = resolveCommonJs('pdfmake/fonts/Roboto.js') as { Roboto: { normal: string } }
  const folder = dirname(fonts.Roboto.normal)
  engine.setFonts(fonts)
  engine.setUrlAccessPolicy(() => false)
  engine.setLocalAccessPolicy((path) => path.startsWith(folder))
  const text = (cell: Cell): string => {
    const value = plain(cell)
    return value === null ? '' : value instanceof Date ? value.toISOString() : String(value)
  }
  const content: Content[] = report.sheets.flatMap((sheet) =>
    sheet.tables.map((table) => ({
      table: {
        headerRows: 1,
        body: [table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells.map(text))],
      },
      fontSize: 7,
    })),
  )
  return engine
    .createPdf({ pageOrientation: 'landscape', content, defaultStyle: { font: 'Roboto' } })
    .getBuffer()
}

/**
 * The FEC's floor: what its lines are made of, read by raw SQL — the year's ledger entries with
 * what they say of their records, the earlier years' monthly sums the opening entry needs, the
 * commitments and receipts the exchange differences need — and the same number of lines written
 * through a plain file stream.
 */
export async function fecFloor(
  path: string,
  year: number,
  lines: number,
  target: string,
  runs: number,
) {
  const { createWriteStream } = await import('node:fs')
  const db = await openNative(path, OPEN_READONLY)
  const start = `${year}-01-01`
  const end = `${year}-12-31`
  const once = async () => {
    const rows = await allRows<Record<string, unknown>>(
      db,
      `SELECT e.id, e.entry_date, e.created_at, e.kind, e.fund_class, e.agreement_id, e.nature,
        e.amount_minor, e.currency, e.eur_minor, e.bank_account_id, a.reference, f.name, f.kind,
        r.bank_reference, x.description, x.document, x.line_key, dm.code, dm.name,
        dp.bank_reference, oi.label, pr.code, pm.code, pm.name, t.number, t.bank_reference
      FROM ledger_entries e
      LEFT JOIN agreements a ON a.id = e.agreement_id
      LEFT JOIN funders f ON f.id = a.funder_id
      LEFT JOIN receipts r ON e.source_table = 'receipts' AND r.id = e.source_id
      LEFT JOIN budget_expenses x ON e.source_table = 'budget_expenses' AND x.id = e.source_id
      LEFT JOIN dues_payments dp ON e.source_table = 'dues_payments' AND dp.id = e.source_id
      LEFT JOIN members dm ON dm.id = dp.member_id
      LEFT JOIN other_income oi ON e.source_table = 'other_income' AND oi.id = e.source_id
      LEFT JOIN financing_lines fl ON e.use_table = 'financing_lines' AND fl.id = e.use_id
      LEFT JOIN projects pr ON pr.id = fl.project_id
      LEFT JOIN members pm ON pm.id = pr.member_id
      LEFT JOIN tranches t ON e.source_table = 'tranches' AND t.id = e.source_id
      WHERE e.entry_date >= '${start}' AND e.entry_date <= '${end}' ORDER BY e.entry_date, e.id`,
    )
    await allRows(
      db,
      `SELECT kind, fund_class, nature, agreement_id, bank_account_id, currency,
        substr(entry_date, 1, 7) AS month, SUM(amount_minor), SUM(eur_minor)
      FROM ledger_entries WHERE entry_date < '${start}'
        AND kind IN ('allocation', 'disbursement', 'expense', 'due_payment', 'other_income')
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    )
    await allRows(
      db,
      `SELECT id, kind, entry_date, agreement_id, amount_minor, eur_minor, reverses_id
      FROM ledger_entries WHERE kind IN ('commitment', 'receipt') AND entry_date <= '${end}'`,
    )
    const out = createWriteStream(target)
    let chunk: string[] = []
    for (let index = 0; index < lines; index += 1) {
      const row = rows[index % Math.max(1, rows.length)] ?? {}
      chunk.push(Object.values(row).slice(0, 18).join('\t'))
      if (chunk.length === 1000) {
        if (!out.write(chunk.join('\r\n') + '\r\n'))
          await new Promise<void>((r) => out.once('drain', () => r()))
        chunk = []
      }
    }
    out.end(chunk.join('\r\n') + '\r\n')
    await new Promise<void>((resolve) => out.on('finish', () => resolve()))
  }
  try {
    await once()
    const times: number[] = []
    for (let i = 0; i < runs; i += 1) {
      const begin = performance.now()
      await once()
      times.push(performance.now() - begin)
    }
    return times
  } finally {
    await closeNative(db)
  }
}

/**
 * The import's floor: the same workbook read by exceljs's streaming reader, and the same rows —
 * each sheet's cells as they are, one table per sheet — inserted by raw SQL (one prepared
 * statement, a row each) in one transaction of a new file. What the application does more is
 * its checks, its references resolved, the ledger and the change log.
 */
export async function importFloor(workbook: string, target: string): Promise<number> {
  const ExcelJS = await loadExcelJS()
  const start = performance.now()
  const db = await openNative(target, OPEN_READWRITE | OPEN_CREATE)
  try {
    await exec(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; BEGIN')
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(workbook, {
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    })
    let sheet = 0
    const statements: { finalize(done: () => void): void }[] = []
    for await (const worksheet of reader) {
      sheet += 1
      const table = `sheet_${sheet}`
      let insert: ((values: unknown[]) => Promise<void>) | null = null
      for await (const row of worksheet) {
        const values = (row.values as unknown[])
          .slice(1)
          .map((v) =>
            v === undefined || v === null
              ? null
              : v instanceof Date
                ? v.toISOString()
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : v,
          )
        if (!insert) {
          // The header row names the columns: as many as the sheet has.
          const columns = Array.from({ length: Math.max(1, values.length) }, (_, i) => `c${i}`)
          await exec(db, `CREATE TABLE ${table} (${columns.join(', ')})`)
          const statement = db.prepare(
            `INSERT INTO ${table} VALUES (${columns.map(() => '?').join(', ')})`,
          )
          statements.push(statement)
          const width = columns.length
          insert = (cells) =>
            new Promise((done, fail) =>
              statement.run(
                Array.from({ length: width }, (_, i) => cells[i] ?? null),
                (error: Error | null) => (error ? fail(error) : done()),
              ),
            )
          continue
        }
        await insert(values)
      }
    }
    await exec(db, 'COMMIT')
    for (const statement of statements) await new Promise<void>((done) => statement.finalize(done))
  } finally {
    await closeNative(db)
  }
  return performance.now() - start
}
