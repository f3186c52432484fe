import { Badge, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { type KeyboardEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { create } from 'zustand'
import { searchPalette } from './palette-items'
import { usePaletteItems } from './use-palette-items'

/** Whether the palette is open: Ctrl+K, the sidebar's search button. */
export const usePalette = create<{ opened: boolean; setOpened(opened: boolean): void }>((set) => ({
  opened: false,
  setOpened(opened) {
    set({ opened })
  },
}))

/**
 * The command palette and global search (Ctrl+K): type a few letters of a funder, an agreement,
 * a project, a member, a dues call or a command; arrows move, Enter opens, Escape closes.
 * A combobox over a listbox, as screen readers expect.
 */
export function CommandPalette() {
  const { t } = useTranslation()
  const opened = usePalette((s) => s.opened)
  const setOpened = usePalette((s) => s.setOpened)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const items = usePaletteItems(opened)
  const results = useMemo(() => searchPalette(items, query), [items, query])
  const close = () => {
    setOpened(false)
    setQuery('')
    setActive(0)
  }
  const run = (index: number) => {
    const item = results[index]
    if (!item) return
    close()
    item.run()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (results.length === 0 ? 0 : (i + step + results.length) % results.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      run(active)
    }
  }
  const optionId = (index: number) => `palette-option-${index}`
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('palette.title')}
      size="lg"
      yOffset="10vh"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <TextInput
        data-autofocus
        role="combobox"
        aria-label={t('palette.title')}
        aria-expanded
        aria-controls="palette-results"
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        mb="sm"
      />
      {query.trim() !== '' && results.length === 0 && (
        <Text c="dimmed" size="sm" role="status">
          {t('palette.nothing', { query })}
        </Text>
      )}
      {query.trim() === '' && (
        <Text c="dimmed" size="xs" mb="xs">
          {t('palette.hint')}
        </Text>
      )}
      <Stack gap={2} id="palette-results" role="listbox" aria-label={t('palette.title')}>
        {results.map((item, index) => (
          <UnstyledButton
            key={`${item.group}-${item.id}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            tabIndex={-1}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(index)}
            px="sm"
            py={6}
            style={{
              borderRadius: 4,
              background: index === active ? 'var(--mantine-primary-color-light)' : undefined,
            }}
          >
            <Group gap="sm" wrap="nowrap">
              <Badge size="xs" variant="light" w={130} style={{ flexShrink: 0 }}>
                {t(`palette.${item.group}`)}
              </Badge>
              <Text size="sm" truncate>
                {item.label}
                {item.detail && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    — {item.detail}
                  </Text>
                )}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Modal>
  )
}
