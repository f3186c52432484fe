import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'
import { today } from '@shared/validation/dates'

export const lettersHandlers: HandlerFactory<'letters'> = (core) => {
  const session = () => core.requireSession()
  return {
    'letters.templates': async () => session().letters.templates(),
    'letters.saveTemplate': async (input) => session().letters.saveTemplate(input, core.author()),
    'letters.begin': async (batch) => {
      const language = batch.language ?? core.language()
      const target =
        batch.into === 'folder'
          ? await core.host.chooseFolder(core.language())
          : await core.host.chooseExportPath(core.language(), `${batch.kind}-${today()}.pdf`)
      if (!target) throw new AppFailure('CANCELLED')
      return session().letters.begin(batch, language, target)
    },
    'letters.step': async ({ jobId }) => {
      const step = await session().letters.step(jobId)
      return { ...step, result: step.result && { ...step.result, ...core.saved(step.result.path) } }
    },
    'letters.cancel': async ({ jobId }) => {
      session().letters.cancel(jobId)
      return null
    },
  }
}
