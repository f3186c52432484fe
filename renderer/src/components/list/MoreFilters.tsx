import { Button, Collapse, Group } from '@mantine/core'
import type { KeyboardEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListView } from './use-list-url-state'

/** The filters of a list folded behind « Filtres », and the view keys they set (to count). */
export interface MoreFilters {
  content: ReactNode
  keys: readonly string[]
}

/**
 * The search and filters are not entries of a form the list may be edited in: no question on
 * leaving them changed, and Enter in them sends nothing.
 */
export function keepEnterInFilters(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault()
}

/** How many of the folded filters narrow the list now: shown on the button even folded. */
export function activeFilters(view: ListView, keys: readonly string[]): number {
  return keys.filter((key) => (view[key] ?? '') !== '').length
}

/** « Filtres (2) »: opens and folds the row of the list's less used filters. */
export function MoreFiltersButton({
  count,
  opened,
  onToggle,
  controls,
}: {
  count: number
  opened: boolean
  onToggle: () => void
  controls: string
}) {
  const { t } = useTranslation()
  return (
    <Button
      variant={count > 0 ? 'light' : 'default'}
      aria-expanded={opened}
      aria-controls={controls}
      onClick={onToggle}
    >
      {count > 0 ? t('list.filtersActive', { count }) : t('list.filters')}
    </Button>
  )
}

/** The row of the less used filters, under the list's line, when opened. */
export function MoreFiltersRow({
  id,
  opened,
  children,
}: {
  id: string
  opened: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Collapse in={opened} id={id}>
      <Group
        align="flex-end"
        gap="sm"
        mt="xs"
        role="group"
        aria-label={t('list.filtersTitle')}
        className="register-toolbar"
        data-not-an-entry
        onKeyDown={keepEnterInFilters}
      >
        {children}
      </Group>
    </Collapse>
  )
}
