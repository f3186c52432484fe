import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core'
import { type Ref, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@shared/i18n/format-dates'
import { datePattern, parseUserDate } from '@shared/i18n/parse-dates'
import { useLanguage } from '../lib/use-language'

/**
 * A day, shown and typed in the user's language (31/12/2026 in fr-FR and en-GB), whatever the
 * browser's own format (an English Chromium shows mm/dd/yyyy in its date inputs); a calendar
 * button opens the browser's picker. The value is the domain's YYYY-MM-DD; text that is no day
 * is refused under the field, naming it, and is passed on as typed so that the form refuses it
 * too and nothing is saved.
 */
export function DateField({
  value,
  onChange,
  label,
  error,
  choosesView = false,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'label'> & {
  value: string | null
  onChange: (value: string) => void
  label: string
  /** The typed field, for a form that brings a refused field into view. */
  ref?: Ref<HTMLInputElement>
  /**
   * A date that chooses what is shown (« au », « du »): told only of days and of the field
   * emptied, not of text on its way to being a day, so that nothing is asked of the core meanwhile.
   */
  choosesView?: boolean
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const picker = useRef<HTMLInputElement>(null)
  // What the user is typing, until it is a day (or left as it is, refused).
  const [typed, setTyped] = useState<string | null>(null)
  const iso = value ?? ''
  const shown = typed ?? (parseUserDate(iso, language) ? formatDate(iso, language) : iso)
  const unreadable = typed !== null && typed.trim() !== '' && !parseUserDate(typed, language)
  const pattern = datePattern(language, {
    day: t('dates.dayLetter'),
    month: t('dates.monthLetter'),
    year: t('dates.yearLetter'),
  })
  const take = (text: string) => {
    const day = parseUserDate(text, language)
    if (day || !choosesView || text.trim() === '') onChange(day ?? text.trim())
  }
  return (
    <TextInput
      {...rest}
      label={label}
      value={shown}
      placeholder={pattern}
      inputMode="numeric"
      autoComplete="off"
      onChange={(event) => {
        setTyped(event.currentTarget.value)
        take(event.currentTarget.value)
      }}
      onBlur={(event) => {
        // A day typed is shown back in the language's format once the field is left.
        if (!unreadable) setTyped(null)
        rest.onBlur?.(event)
      }}
      error={unreadable ? t('dates.unreadable', { field: label, value: typed, pattern }) : error}
      rightSectionPointerEvents="all"
      rightSection={
        <>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('dates.openCalendar', { field: label })}
            onClick={() => picker.current?.showPicker()}
            disabled={rest.disabled}
          >
            {/* Drawn, not an emoji: Debian's Chromium has no emoji font. */}
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none">
              <rect x="2" y="3" width="12" height="11" rx="1.5" stroke="currentColor" />
              <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" />
            </svg>
          </ActionIcon>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className="date-field-picker"
            value={parseUserDate(iso, language) ?? ''}
            onChange={(event) => {
              setTyped(null)
              onChange(event.currentTarget.value)
            }}
          />
        </>
      }
    />
  )
}
