import type { AppCore } from '../app/app-core'
import { AppFailure, requireConfirmation } from '../failure'
import {
  moneyDateWarnings,
  tranchePaymentWarnings,
  transitionWarnings,
} from '../plausibility/money-checks'
import { dateWarnings } from '@shared/plausibility/warnings'
import { renderPdf } from '../reports/pdf-document'
import { writeExportFile } from '../reports/export-file'
import { today } from '@shared/validation/dates'
import { projectSheet } from './project-sheet'
import type { HandlerFactory } from '../ipc/handler'
import type { ProjectDetail } from '@shared/projects/schema'

/** Runs a change of a project's parts, then answers with the project's page as it now is. */
function thenProject(
  core: AppCore,
  change: (author: string) => Promise<string>,
): Promise<ProjectDetail> {
  return change(core.author()).then((projectId) => core.requireSession().projects.get(projectId))
}

export const projectsHandlers: HandlerFactory<'projects'> = (core) => {
  const session = () => core.requireSession()
  return {
    'projects.list': async (query) => session().projects.list(query),
    'projects.breakdown': async (query) => session().projects.breakdown(query),
    'projects.get': async ({ id }) => session().projects.get(id),
    'projects.create': async (fields) => session().projects.create(fields, core.author()),
    'projects.update': async ({ id, fields }) =>
      session().projects.update(id, fields, core.author()),
    'projects.archive': async ({ id }) => session().projects.archive(id, core.author()),
    'projects.restore': async ({ id }) => session().projects.restore(id, core.author()),
    'projects.transition': async (input) => {
      requireConfirmation(await transitionWarnings(session(), input), input.confirmed)
      return session().projects.transition(input, core.author())
    },
    'projects.addFinancingLine': async (input) =>
      thenProject(core, async (author) => {
        await session().financing.addLine(input, author)
        return input.projectId
      }),
    'projects.removeFinancingLine': async ({ id }) =>
      thenProject(core, (author) => session().financing.removeLine(id, author)),
    'projects.commitFinancingLine': async ({ id, committedOn, confirmed }) => {
      requireConfirmation(
        await moneyDateWarnings(session(), 'committedOn', committedOn, today()),
        confirmed,
      )
      return thenProject(core, (author) => session().financing.commitLine(id, committedOn, author))
    },
    'projects.uncommitFinancingLine': async ({ id, reason }) =>
      thenProject(core, (author) => session().financing.uncommitLine(id, reason, author)),
    'projects.addTranche': async (input) =>
      thenProject(core, async (author) => {
        await session().tranches.add(input, author)
        return input.projectId
      }),
    'projects.trancheConditionMet': async ({ id, onDate }) =>
      thenProject(core, (author) => session().tranches.conditionMet(id, onDate, author)),
    'projects.releaseTranche': async ({ id, onDate }) =>
      thenProject(core, (author) => session().tranches.release(id, onDate, author)),
    'projects.payTranche': async (input) => {
      requireConfirmation(await tranchePaymentWarnings(session(), input, today()), input.confirmed)
      return thenProject(core, (author) => session().tranches.pay(input, author))
    },
    'projects.cancelTranchePayment': async ({ id, reason }) =>
      thenProject(core, (author) => session().tranches.cancelPayment(id, reason, author)),
    'projects.cancelTranche': async ({ id, reason }) =>
      thenProject(core, (author) => session().tranches.cancel(id, reason, author)),
    'projects.addExpense': async (input) => {
      requireConfirmation(dateWarnings('spentOn', input.spentOn, today()), input.confirmed)
      return thenProject(core, (author) => session().projectExpenses.add(input, author))
    },
    'projects.removeExpense': async ({ id }) =>
      thenProject(core, (author) => session().projectExpenses.remove(id, author)),
    'projects.addIndicator': async (input) =>
      thenProject(core, (author) => session().indicators.add(input, author)),
    'projects.removeIndicator': async ({ id }) =>
      thenProject(core, (author) => session().indicators.remove(id, author)),
    'projects.addIndicatorValue': async (input) =>
      thenProject(core, (author) => session().indicators.addValue(input, author)),
    'projects.removeIndicatorValue': async ({ id }) =>
      thenProject(core, (author) => session().indicators.removeValue(id, author)),
    'projects.attachDocument': async ({ projectId, title }) => {
      const source = await core.host.chooseDocument(core.language())
      if (source === null) throw new AppFailure('CANCELLED')
      return thenProject(core, (author) =>
        session().documents.attach(projectId, source, title, author),
      )
    },
    'projects.openDocument': async ({ id }) => {
      await core.host.openPath(await session().documents.pathOf(id))
      return null
    },
    'projects.detachDocument': async ({ id }) =>
      thenProject(core, (author) => session().documents.detach(id, author)),
    'projects.exportSheet': async ({ id, language }) => {
      const project = await session().projects.get(id)
      const path = await core.host.chooseExportPath(core.language(), `${project.code}.pdf`)
      if (!path) throw new AppFailure('CANCELLED')
      const sheetLanguage = language ?? core.language()
      const sheet = projectSheet(
        project,
        (await session().programmes.labels(sheetLanguage)).get(project.programme) ??
          project.programme,
        await session().organisation.get(),
        sheetLanguage,
        today(),
      )
      await writeExportFile(path, await renderPdf(sheet.definition, { frame: sheet.frame }))
      return core.saved(path)
    },
  }
}
