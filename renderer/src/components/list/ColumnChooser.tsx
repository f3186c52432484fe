import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ColumnFit } from '@shared/lists/list-figures'
import type { ListColumn } from './list-columns'

/**
 * The columns of a list to tick: the first column always; amounts ticked always kept in the
 * window; another column wanted that the width leaves no room for says so.
 */
export function ColumnChooser<Row>({
  columns,
  fit,
  wanted,
  onChoose,
}: {
  columns: ListColumn<Row>[]
  fit: ColumnFit
  wanted: (id: string) => boolean
  onChoose: (id: string, show: boolean) => void
}) {
  const { t } = useTranslation()
  const hiddenCount = columns.length - fit.shown.length
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default">
          {hiddenCount > 0 ? t('list.columnsHidden', { count: hiddenCount }) : t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label={t('list.columnsTitle')}>
          <Text size="sm" fw={600}>
            {t('list.columnsTitle')}
          </Text>
          {columns.map((column, index) => {
            const fixed = index === 0
            const crowded = fit.crowded.includes(column.id)
            return (
              <Checkbox
                key={column.id}
                label={column.header}
                description={fixed ? t('list.alwaysShown') : crowded ? t('list.noRoom') : undefined}
                checked={fixed || wanted(column.id)}
                disabled={fixed}
                onChange={(event) => onChoose(column.id, event.currentTarget.checked)}
              />
            )
          })}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
