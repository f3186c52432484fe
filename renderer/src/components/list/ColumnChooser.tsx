import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ColumnFit, RoomFor } from '@shared/lists/list-figures'
import type { ListColumn } from './list-columns'

/**
 * The columns of a list to tick: the first column always; amounts ticked always kept in the
 * window. A tick says what is on screen: a column the width crowded out is unticked and says
 * so, with the columns that ticking it would push out (or that it cannot fit at this width).
 */
export function ColumnChooser<Row>({
  columns,
  fit,
  onChoose,
  room,
}: {
  columns: ListColumn<Row>[]
  fit: ColumnFit
  onChoose: (id: string, show: boolean) => void
  room: (id: string) => RoomFor
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
            const making = crowded ? room(column.id) : null
            const header = (id: string) => columns.find((c) => c.id === id)?.header ?? id
            return (
              <Checkbox
                key={column.id}
                label={column.header}
                data-state={
                  crowded ? 'crowded' : fit.shown.includes(column.id) ? 'shown' : 'hidden'
                }
                description={
                  fixed
                    ? t('list.alwaysShown')
                    : making
                      ? making.fits
                        ? t('list.crowded', {
                            columns: making.displaced.map(header).join(', '),
                          })
                        : t('list.noRoomAtAll')
                      : undefined
                }
                checked={fixed || fit.shown.includes(column.id)}
                disabled={fixed || making?.fits === false}
                onChange={(event) => onChoose(column.id, event.currentTarget.checked)}
              />
            )
          })}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
