import type { z } from 'zod'
import { isMessageKey, translate, type MessageParams } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages/catalog'
import type { Language } from '../i18n/locale'
import type { FieldError } from '../contract/errors'

/** A zod issue as a catalog key and its parameters, for the field it concerns. */
export function issueMessage(issue: z.core.$ZodIssue): { key: MessageKey; params: MessageParams } {
  const params: MessageParams = {}
  if ('maximum' in issue && typeof issue.maximum !== 'bigint') params.max = Number(issue.maximum)
  if (issue.code === 'unrecognized_keys') {
    return { key: 'validation.unknownKey', params: { keys: issue.keys.join(', ') } }
  }
  if (isMessageKey(issue.message)) return { key: issue.message, params }
  switch (issue.code) {
    case 'too_small':
      // A text (a choice's key) of at least one character: left empty, it is a required field.
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { key: 'validation.required', params }
        : { key: 'validation.invalidType', params }
    case 'too_big':
      return { key: 'validation.tooLong', params }
    case 'invalid_value':
      return { key: 'validation.choice', params }
    default:
      return { key: 'validation.invalidType', params }
  }
}

/** The path of an issue as the forms name their fields: "contact.email", "lines.2.amount". */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.')
}

export function issuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  language: Language,
): FieldError[] {
  return issues.map((issue) => {
    const { key, params } = issueMessage(issue)
    return { path: issuePath(issue), message: translate(language, key, params) }
  })
}
