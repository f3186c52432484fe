import { Button, Group, Table, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Programme } from '@shared/programmes/schema'

export interface ProgrammeNames {
  id: string
  label: string
  labelEn: string
}

/**
 * A programme's row while it is renamed: one form across the row (its cell spans the table), so
 * that Enter saves and the page's guard asks before « Annuler », Escape or a move elsewhere
 * discards the names typed.
 */
export function ProgrammeRename({
  programme,
  editing,
  error,
  onChange,
  onSave,
  onCancel,
}: {
  programme: Programme
  editing: ProgrammeNames
  error: string | null
  onChange: (next: ProgrammeNames) => void
  onSave: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Table.Tr data-record-id={programme.id}>
      <Table.Td colSpan={4}>
        <form
          aria-label={`${t('programmes.edit')} ${programme.label}`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            onSave()
          }}
        >
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              aria-label={t('programmes.label')}
              value={editing.label}
              onChange={(event) => onChange({ ...editing, label: event.currentTarget.value })}
              error={error}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={t('programmes.labelEn')}
              value={editing.labelEn}
              onChange={(event) => onChange({ ...editing, labelEn: event.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Text size="xs" ff="monospace" mt={8}>
              {programme.code}
            </Text>
            <Group gap={4} wrap="nowrap" mt={4}>
              <Button size="compact-xs" type="submit">
                {t('programmes.save')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={onCancel} data-discards-form>
                {t('common.cancel')}
              </Button>
            </Group>
          </Group>
        </form>
      </Table.Td>
    </Table.Tr>
  )
}
