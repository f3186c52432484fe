import { CHANNELS, isChannelName, type ChannelName } from '@shared/contract/channels'
import type { AppError, Result } from '@shared/contract/errors'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { issuesToFieldErrors } from '@shared/validation/issues'
import { sqliteCode } from '../db/sqlite-native'
import { AppFailure, formatParams } from '../failure'
import type { Handler, Handlers } from './handler'

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>

/**
 * The one entry from the interface into the core: finds the channel, validates the payload
 * against its schema, runs the handler, and returns every outcome as a value. Nothing thrown
 * inside crosses: an unexpected error is logged here and reported without its details.
 */
export function createDispatcher(
  handlers: Handlers,
  language: () => Language,
  logError: (error: unknown) => void = (error) => console.error(error),
): Dispatch {
  return async (channel, payload) => {
    const lang = language()
    if (!isChannelName(channel))
      return failure({
        code: 'UNKNOWN_CHANNEL',
        message: translate(lang, 'errors.UNKNOWN_CHANNEL'),
      })
    const parsed = CHANNELS[channel].input.safeParse(payload)
    if (!parsed.success) {
      return failure({
        code: 'VALIDATION',
        message: translate(lang, 'errors.VALIDATION'),
        fields: issuesToFieldErrors(parsed.error.issues, lang),
      })
    }
    try {
      const handler = handlers[channel] as Handler<ChannelName>
      return { ok: true, value: await handler(parsed.data as never) }
    } catch (error) {
      if (error instanceof AppFailure) return failure(toAppError(error, lang))
      // A read that reaches a damaged page of the file: said as such, not as an unknown error.
      if (sqliteCode(error) === 'SQLITE_CORRUPT') {
        return failure({ code: 'FILE_DAMAGED', message: translate(lang, 'errors.damagedPart') })
      }
      logError(error)
      return failure({ code: 'INTERNAL', message: translate(lang, 'errors.INTERNAL') })
    }
  }
}

export function toAppError(error: AppFailure, language: Language): AppError {
  const fields = error.fields.map((field) => ({
    path: field.path,
    message: translate(language, field.key, formatParams(field.params ?? {}, language)),
  }))
  if (error.code === 'NEEDS_CONFIRMATION') {
    return { code: error.code, message: translate(language, error.key), warnings: fields }
  }
  return {
    code: error.code,
    message:
      fields.length === 1 && error.key === `errors.${error.code}`
        ? (fields[0]?.message ?? '')
        : translate(language, error.key, formatParams(error.params, language)),
    ...(fields.length > 0 ? { fields } : {}),
    ...(error.code.startsWith('FILE_') && typeof error.params.path === 'string'
      ? { path: error.params.path }
      : {}),
    ...(error.code.startsWith('FILE_') && typeof error.params.file === 'string'
      ? { file: error.params.file }
      : {}),
  }
}

function failure(error: AppError): Result<never> {
  return { ok: false, error }
}
