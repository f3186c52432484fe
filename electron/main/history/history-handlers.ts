import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'
import { writeJournalCsv } from './journal-export'
import { undoLastEdit } from './undo-last'

export const historyHandlers: HandlerFactory<'history'> = (core) => ({
  'history.forRecord': async ({ table, id }) =>
    core.requireSession().history.forRecord(table, id, core.language()),
  'history.journal': async (query) => core.requireSession().history.journal(query, core.language()),
  'history.exportJournal': async (query) => {
    const session = core.requireSession()
    const path = await core.host.chooseExportPath(core.language(), 'journal-AIMF-Finances.csv')
    if (!path) throw new AppFailure('CANCELLED')
    const entries = await session.history.journal(query, core.language(), Number.MAX_SAFE_INTEGER)
    const rows = await writeJournalCsv(path, entries, core.language())
    return { ...core.saved(path), rows }
  },
  'history.undoLast': async () =>
    undoLastEdit(core.requireSession().file, core.author(), core.language()),
})
