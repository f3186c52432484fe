import { AppFailure } from '../failure'
import { importRateFile } from './rate-import-service'
import { fundsSummary } from './ledger'
import { conversionSummary } from './conversion/agreement-conversion'
import { setConversionRule } from './conversion/set-conversion-rule'
import { overheadPosition } from './overhead/overhead-position'
import { postOverhead } from './overhead/post-overhead'
import { requireConfirmation } from '../failure'
import { otherIncomeWarnings, receiptWarnings } from '../plausibility/money-checks'
import type { HandlerFactory } from '../ipc/handler'
import { today } from '@shared/validation/dates'

export const ratesHandlers: HandlerFactory<'rates'> = (core) => ({
  'rates.list': async ({ currency, series, latest }) =>
    core.requireSession().rates.list(currency, series, latest),
  // The file is chosen in a native dialog, never named by the page.
  'rates.import': async ({ month }) => {
    const path = await core.host.chooseDocument(core.language())
    if (!path) throw new AppFailure('CANCELLED')
    return importRateFile(core.requireSession().file, path, month, core.author())
  },
  'rates.add': async (input) => core.requireSession().rates.add(input, core.author()),
  'rates.archive': async ({ id }) => {
    await core.requireSession().rates.archive(id, core.author())
    return null
  },
})

export const agreementsHandlers: HandlerFactory<'agreements'> = (core) => ({
  'agreements.list': async (input) => core.requireSession().agreements.list(input),
  'agreements.get': async ({ id, asOf }) => core.requireSession().agreements.get(id, asOf),
  'agreements.create': async (fields) =>
    core.requireSession().agreements.create(fields, core.author()),
  'agreements.update': async ({ id, fields }) =>
    core.requireSession().agreements.update(id, fields, core.author()),
  'agreements.archive': async ({ id }) =>
    core.requireSession().agreements.archive(id, core.author()),
  'agreements.restore': async ({ id }) =>
    core.requireSession().agreements.restore(id, core.author()),
  'agreements.nameProject': async ({ agreementId, projectId }) => {
    const session = core.requireSession()
    await session.financing.nameProject(agreementId, projectId, core.author())
    return session.agreements.get(agreementId)
  },
  'agreements.unnameProject': async ({ agreementId, projectId }) => {
    const session = core.requireSession()
    await session.financing.unnameProject(agreementId, projectId, core.author())
    return session.agreements.get(agreementId)
  },
  'agreements.addAmendment': async (input) =>
    core.requireSession().agreements.addAmendment(input, core.author()),
  'agreements.addReport': async (input) => {
    const session = core.requireSession()
    await session.terms.addReport(input, core.author())
    return session.agreements.get(input.agreementId)
  },
  'agreements.setReportStatus': async (input) => {
    const session = core.requireSession()
    return session.agreements.get(await session.terms.setReportStatus(input, core.author()))
  },
  'agreements.addInstalment': async (input) => {
    const session = core.requireSession()
    await session.terms.addInstalment(input, core.author())
    return session.agreements.get(input.agreementId)
  },
  'agreements.removeInstalment': async ({ id }) => {
    const session = core.requireSession()
    return session.agreements.get(await session.terms.removeInstalment(id, core.author()))
  },
  'agreements.applyHeadingTemplate': async ({ agreementId, template }) => {
    const session = core.requireSession()
    await session.terms.applyTemplate(agreementId, template, core.language(), core.author())
    return session.agreements.get(agreementId)
  },
  'agreements.saveHeadings': async ({ agreementId, headings }) => {
    const session = core.requireSession()
    await session.terms.saveHeadings(agreementId, headings, core.author())
    return session.agreements.get(agreementId)
  },
  'agreements.setConversionRule': async ({ agreementId, rule }) => {
    const session = core.requireSession()
    await setConversionRule(session.file, agreementId, rule, core.author())
    return session.agreements.get(agreementId)
  },
  'agreements.conversion': async ({ id, asOf }) =>
    conversionSummary(core.requireSession().file.db, id, asOf ?? today()),
  'agreements.overhead': async ({ id, asOf }) => {
    const position = await overheadPosition(core.requireSession().file.db, id, asOf ?? today())
    if (!position) throw new AppFailure('NOT_FOUND')
    return position
  },
  'agreements.postOverhead': async (input) => {
    const file = core.requireSession().file
    await postOverhead(file, input, core.author())
    const position = await overheadPosition(file.db, input.agreementId, today())
    if (!position) throw new AppFailure('NOT_FOUND')
    return position
  },
})

export const receiptsHandlers: HandlerFactory<'receipts'> = (core) => ({
  'receipts.add': async (input) => {
    const session = core.requireSession()
    const confirmed = input.confirmed ?? input.confirmOverpayment
    requireConfirmation(await receiptWarnings(session, input, today()), confirmed)
    await session.receipts.add({ ...input, confirmOverpayment: confirmed }, core.author())
    return session.agreements.get(input.agreementId)
  },
  'receipts.cancel': async ({ id, reason }) => {
    const session = core.requireSession()
    const agreementId = await session.receipts.cancel(id, reason, core.author())
    return session.agreements.get(agreementId)
  },
})

export const fundsHandlers: HandlerFactory<'funds'> = (core) => ({
  'funds.summary': async ({ year }) =>
    fundsSummary(core.requireSession().file.db, year ?? null, today()),
  'funds.otherIncome': async () => core.requireSession().otherIncome.list(),
  'funds.addOtherIncome': async (input) => {
    const session = core.requireSession()
    requireConfirmation(await otherIncomeWarnings(session, input, today()), input.confirmed)
    await session.otherIncome.add(input, core.author())
    return session.otherIncome.list()
  },
  'funds.cancelOtherIncome': async ({ id, reason }) => {
    const session = core.requireSession()
    await session.otherIncome.cancel(id, reason, core.author())
    return session.otherIncome.list()
  },
})
