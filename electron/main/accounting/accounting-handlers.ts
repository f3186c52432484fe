import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'
import { writeExportFile } from '../reports/export-file'
import { today } from '@shared/validation/dates'
import { exportEntries } from './entries-export'

export const accountingHandlers: HandlerFactory<'accounting'> = (core) => ({
  'accounting.plan': async () => core.requireSession().accountingPlan.view(),
  'accounting.saveAccount': async (input) =>
    core.requireSession().accountingPlan.saveAccount(input, core.author()),
  'accounting.removeAccount': async ({ number }) =>
    core.requireSession().accountingPlan.removeAccount(number, core.author()),
  'accounting.saveRule': async (input) =>
    core.requireSession().accountingPlan.saveRule(input, core.author()),
  'accounting.removeRule': async ({ id }) =>
    core.requireSession().accountingPlan.removeRule(id, core.author()),
  'accounting.saveBank': async (input) =>
    core.requireSession().accountingPlan.saveBank(input, core.author()),
  'accounting.archiveBank': async ({ id }) =>
    core.requireSession().accountingPlan.archiveBank(id, core.author()),
  'accounting.bankAccounts': async () =>
    (await core.requireSession().accountingPlan.view()).bankAccounts,
  'accounting.saveSettings': async (input) =>
    core.requireSession().accountingPlan.saveSettings(input, core.author()),
  'accounting.periods': async () => core.requireSession().periods.view(),
  'accounting.close': async ({ through, note }) =>
    core.requireSession().periods.close(through, note, core.author()),
  'accounting.reopen': async ({ id, reason }) =>
    core.requireSession().periods.reopen(id, reason, core.author()),
  'accounting.exportEntries': async ({ year, format }) => {
    const session = core.requireSession()
    const result = await exportEntries(session.file.db, year, format, {
      today: today(),
      language: core.language(),
    })
    const path = await core.host.chooseExportPath(core.language(), result.fileName)
    if (!path) throw new AppFailure('CANCELLED')
    await writeExportFile(path, result.bytes)
    return {
      ...core.saved(path),
      entries: result.entries,
      lines: result.lines,
      provisional: result.provisional,
    }
  },
  'accounting.markSent': async (input) =>
    core.requireSession().sentReports.markSent(input, core.language(), core.author()),
  'accounting.sentReports': async ({ agreementId }) =>
    core.requireSession().sentReports.list(agreementId),
})
