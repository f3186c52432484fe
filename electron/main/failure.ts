import type { ErrorCode } from '../../shared/contract/errors'
import type { MessageKey } from '../../shared/i18n/messages/catalog'
import type { MessageParams } from '../../shared/i18n/translate'

/** A problem with one field, as a catalog key, before it is put in the user's language. */
export interface FieldFailure {
  path: string
  key: MessageKey
  params?: MessageParams
}

/**
 * What the core throws when it refuses something the user can act on. The dispatcher turns it
 * into an {@link AppError} in the user's language; anything else thrown is an internal error.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey = `errors.${code}`,
    readonly params: MessageParams = {},
    readonly fields: FieldFailure[] = [],
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`)
    this.name = 'AppFailure'
  }
}

/** A refusal that concerns one field of the input. */
export function fieldFailure(
  code: ErrorCode,
  path: string,
  key: MessageKey,
  params: MessageParams = {},
): AppFailure {
  return new AppFailure(code, `errors.${code}`, {}, [{ path, key, params }])
}
