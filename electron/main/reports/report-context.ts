import type { Session } from '../app/session'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate, type MessageParams } from '@shared/i18n/translate'
import { formatDate } from '@shared/i18n/format-dates'
import { today } from '@shared/validation/dates'

/** What every report builder is given: the file's services, the language and the clock. */
export interface ReportContext {
  session: Session
  language: Language
  /** Today, for reports "as of now". */
  today: string
  /** When the report is produced (ISO date-time). */
  now: string
  t: (key: MessageKey, params?: MessageParams) => string
  date: (iso: string | null) => string
}

export function reportContext(session: Session, language: Language, now?: Date): ReportContext {
  const iso = (now ?? new Date()).toISOString()
  return {
    session,
    language,
    // The domain's day (the e2e harness may fix it); a given instant keeps its own UTC day.
    today: now ? iso.slice(0, 10) : today(),
    now: iso,
    t: (key, params) => translate(language, key, params),
    date: (day) => formatDate(day, language),
  }
}
