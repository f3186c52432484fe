import { Alert, Group, Switch, Text, TextInput } from '@mantine/core'
import { ListSelect } from './ListSelect'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/api'

/**
 * The filters above a register's list: search as you type, one choice list, archived or not;
 * under them, a loading error if any and how many rows the list shows.
 */
export function ListFilters({
  search,
  onSearch,
  searchPlaceholder,
  choice,
  showArchived,
  onShowArchived,
  error,
  rows,
}: {
  search: string
  onSearch: (text: string) => void
  searchPlaceholder: string
  choice: {
    label: string
    data: { value: string; label: string }[]
    value: string | null
    onChange: (value: string | null) => void
  }
  showArchived: boolean
  onShowArchived: (show: boolean) => void
  error: unknown
  rows: number
}) {
  const { t } = useTranslation()
  return (
    <>
      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={searchPlaceholder}
          value={search}
          onChange={(event) => onSearch(event.currentTarget.value)}
          w={320}
          type="search"
        />
        <ListSelect
          label={choice.label}
          placeholder={t('common.all')}
          data={choice.data}
          value={choice.value}
          onChange={choice.onChange}
          clearable
          w={240}
        />
        <Switch
          label={t('common.showArchived')}
          checked={showArchived}
          onChange={(event) => onShowArchived(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {error !== null && error !== undefined && (
        <Alert color="red" role="alert">
          {errorMessage(error, t('errors.INTERNAL'))}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('common.rowsCount', { count: rows })}
      </Text>
    </>
  )
}
