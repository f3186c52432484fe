import { Group, Switch } from '@mantine/core'
import { ListSelect } from '../ListSelect'
import { useTranslation } from 'react-i18next'
import type { ListView } from './use-list-url-state'

/** A filter of a list on one choice, kept in the list's view (the address) under `name`. */
export function ChoiceFilter({
  name,
  label,
  data,
  view,
  onView,
  width = 200,
}: {
  name: string
  label: string
  data: { value: string; label: string }[]
  view: ListView
  onView: (patch: ListView) => void
  width?: number
}) {
  const { t } = useTranslation()
  return (
    <ListSelect
      label={label}
      placeholder={t('common.all')}
      data={data}
      value={view[name] || null}
      onChange={(value) => onView({ [name]: value ?? '' })}
      clearable
      searchable
      w={width}
    />
  )
}

/** « Show archived », kept in the list's view as `archived=1`. */
export function ArchivedFilter({
  view,
  onView,
}: {
  view: ListView
  onView: (patch: ListView) => void
}) {
  const { t } = useTranslation()
  return (
    <Switch
      label={t('common.showArchived')}
      checked={view.archived === '1'}
      onChange={(event) => onView({ archived: event.currentTarget.checked ? '1' : '' })}
      mb={8}
    />
  )
}

/** The choices of a filter, as they stand, for the exported list's parameters. */
export function filterParameters(
  filters: { label: string; value: string | undefined; data: { value: string; label: string }[] }[],
): { label: string; value: string }[] {
  return filters.flatMap((filter) => {
    const chosen = filter.data.find((d) => d.value === filter.value)
    return chosen ? [{ label: filter.label, value: chosen.label }] : []
  })
}

/** Yes/no filters of a list, each kept in its view as `name=1`. */
export function SwitchFilters({
  switches,
  view,
  onView,
}: {
  switches: { name: string; label: string }[]
  view: ListView
  onView: (patch: ListView) => void
}) {
  return (
    <Group gap="md" mb={8}>
      {switches.map((s) => (
        <Switch
          key={s.name}
          label={s.label}
          checked={view[s.name] === '1'}
          onChange={(event) => onView({ [s.name]: event.currentTarget.checked ? '1' : '' })}
        />
      ))}
    </Group>
  )
}
