import { en } from './messages/en'
import { fr } from './messages/fr'
import type { Catalog, MessageKey } from './messages/catalog'
import type { Language } from './locale'

export const CATALOGS: Record<Language, Catalog> = { fr, en }

export type MessageParams = Record<string, string | number>

/**
 * Looks a message up and fills its `{{name}}` fields: the same syntax as i18next, which reads
 * the same catalogs in the renderer, so a message reads the same wherever it is built.
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  let node: unknown = CATALOGS[language]
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined
  }
  const template = typeof node === 'string' ? node : key
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export function isMessageKey(value: string): value is MessageKey {
  let node: unknown = fr
  for (const part of value.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}
