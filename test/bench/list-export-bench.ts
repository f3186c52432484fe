import { join } from 'node:path'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { writeExportFile } from '../../electron/main/reports/export-file'
import { listReport } from '../../electron/main/reports/list-report'
import { reportWorkbook } from '../../electron/main/reports/report-xlsx'
import { LIST_EXPORT_MAX_ROWS, listExportInput } from '@shared/reports/list-export'
import { reportWorkbookFloor } from './floors'
import type { StepArguments, StepTimes } from './step-types'
import { alternately } from './timing'

const RUNS = 3

type ListRow = { style: 'item' | 'group' | 'subtotal' | 'total'; cells: unknown[] }

/**
 * A list of the most rows the page may send (issue 24's export: LIST_EXPORT_MAX_ROWS), as it
 * sends them — the budget's expenses in euros grouped by line, each group with its subtotal, the
 * list's total last — written to Excel as the core does it: checked by the channel's schema,
 * made a report and written by the reports' workbook writer. The floor writes the same cells
 * with exceljs's streaming writer.
 */
export async function listExportStep({ file, folder }: StepArguments): Promise<StepTimes> {
  const data = await DataFile.open(file)
  try {
    const session = createSession(data)
    const list = { ...(await expensesList(data)), title: 'Dépenses du budget', parameters: [] }
    const target = join(folder, 'liste.xlsx')
    const now = new Date()
    const report = await listReport(session, listExportInput.parse(list), 'fr', now)
    // Alternately: the two write with exceljs's streaming writer.
    const { ms, floorMs } = await alternately(
      RUNS,
      async () => {
        const parsed = listExportInput.parse(list)
        await writeExportFile(
          target,
          await reportWorkbook(await listReport(session, parsed, 'fr', now)),
        )
      },
      () => reportWorkbookFloor(report, join(folder, 'liste-plancher.xlsx')),
    )
    return { listExport: { ms, floorMs, rows: list.rows.length } }
  } finally {
    await data.close()
  }
}

async function expensesList(data: DataFile) {
  const expenses = await data.db
    .selectFrom('budget_expenses')
    .select(['spent_on', 'line_key', 'description', 'supplier', 'amount_minor'])
    .where('deleted_at', 'is', null)
    .where('currency', '=', 'EUR')
    .orderBy('line_key')
    .orderBy('spent_on')
    .limit(LIST_EXPORT_MAX_ROWS)
    .execute()
  const rows: ListRow[] = []
  let total = 0
  let line: string | null = null
  let subtotal = 0
  const closeGroup = () => {
    if (line === null) return
    rows.push({
      style: 'subtotal',
      cells: [null, null, null, null, { kind: 'money', minor: subtotal, currency: 'EUR' }],
    })
  }
  for (const expense of expenses) {
    // Room for this group's subtotal and the list's total.
    if (rows.length + (expense.line_key === line ? 3 : 5) > LIST_EXPORT_MAX_ROWS) break
    if (expense.line_key !== line) {
      closeGroup()
      line = expense.line_key
      subtotal = 0
      rows.push({ style: 'group', cells: [{ kind: 'text', text: line }, null, null, null, null] })
    }
    subtotal += expense.amount_minor
    total += expense.amount_minor
    rows.push({
      style: 'item',
      cells: [
        { kind: 'date', iso: expense.spent_on },
        { kind: 'text', text: expense.line_key },
        { kind: 'text', text: expense.description },
        expense.supplier === null ? null : { kind: 'text', text: expense.supplier },
        { kind: 'money', minor: expense.amount_minor, currency: 'EUR' },
      ],
    })
  }
  closeGroup()
  rows.push({
    style: 'total',
    cells: [null, null, null, null, { kind: 'money', minor: total, currency: 'EUR' }],
  })
  return {
    columns: [
      { label: 'Date', kind: 'date' },
      { label: 'Ligne', kind: 'text' },
      { label: 'Libellé', kind: 'text' },
      { label: 'Fournisseur', kind: 'text' },
      { label: 'Montant', kind: 'money' },
    ],
    rows,
  }
}
