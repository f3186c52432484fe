import type { AppError, ErrorCode } from '@shared/contract/errors'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { Language } from '@shared/i18n/locale'
import { type MessageParams, translate } from '@shared/i18n/translate'
import { formatDate } from '@shared/i18n/format-dates'
import { isIsoDate } from '@shared/validation/dates'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import { formatMoney } from '@shared/money/format'
import type { Money } from '@shared/money/money'
import type { DayParam } from '@shared/plausibility/warnings'

/** A parameter that is itself a message, such as a status name, put in the user's language. */
export interface MessageRef {
  message: MessageKey
}

/**
 * Message parameters; amounts and referenced messages are put in the user's language when the
 * message is built.
 */
/** A share or rate in a message, in basis points: written « 90 % » or "90%" by the reader's language. */
export interface PercentParam {
  basisPoints: number
}

export type FailureParams = Record<
  string,
  string | number | Money | MessageRef | DayParam | PercentParam
>

/** A problem with one field, as a catalog key, before it is put in the user's language. */
export interface FieldFailure {
  path: string
  key: MessageKey
  params?: FailureParams
}

/**
 * What the core throws when it refuses something the user can act on. The dispatcher turns it
 * into an {@link AppError} in the user's language; anything else thrown is an internal error.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey = `errors.${code}`,
    readonly params: FailureParams = {},
    readonly fields: FieldFailure[] = [],
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`)
    this.name = 'AppFailure'
  }
}

/**
 * Writes nothing until the user has confirmed what looks unlikely: without `confirmed`, the core
 * answers NEEDS_CONFIRMATION with the warnings (each on its field, with its figures).
 */
export function requireConfirmation(
  warnings: readonly FieldFailure[],
  confirmed: boolean | undefined,
): void {
  if (warnings.length > 0 && confirmed !== true) {
    throw new AppFailure('NEEDS_CONFIRMATION', 'errors.NEEDS_CONFIRMATION', {}, [...warnings])
  }
}

/** A refusal that concerns one field of the input. */
export function fieldFailure(
  code: ErrorCode,
  path: string,
  key: MessageKey,
  params: FailureParams = {},
): AppFailure {
  return new AppFailure(code, `errors.${code}`, {}, [{ path, key, params }])
}

/**
 * Amounts in a message are written the user's way: "1 234,56 €" or "€1,234.56"; days too,
 * "31/12/2026" (fr-FR and en-GB alike) — a day given as `{ day }`, or bare in ISO form (a service
 * passing a column's value as it is): a person never reads "2026-12-31" in a message.
 */
export function formatParams(params: FailureParams, language: Language): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && isIsoDate(value)
        ? formatDate(value, language)
        : typeof value !== 'object'
          ? value
          : 'message' in value
            ? translate(language, value.message)
            : 'day' in value
              ? formatDate(value.day, language)
              : 'basisPoints' in value
                ? formatBasisPoints(value.basisPoints, language)
                : formatMoney(value, language),
    ]),
  )
}

/** A refusal as the interface receives it: its message and each field's, in the user's language. */
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
