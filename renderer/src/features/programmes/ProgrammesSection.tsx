import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Programme } from '@shared/programmes/schema'
import { useAppStore } from '../../app/app-store'
import { ApiError, call } from '../../lib/api'
import { ProgrammeRename } from './ProgrammeRename'
import { useProgrammes, useProgrammesStore } from './use-programmes'

type Message = { ok: boolean; text: string } | null

/** Paramètres → Programmes: the AIMF programmes projects and agreements may carry. */
export function ProgrammesSection() {
  const { t } = useTranslation()
  const state = useAppStore((s) => s.state)
  const load = useProgrammesStore((s) => s.load)
  const { all } = useProgrammes()
  const [showArchived, setShowArchived] = useState(false)
  const [message, setMessage] = useState<Message>(null)
  const [draft, setDraft] = useState({ label: '', labelEn: '' })
  const [draftError, setDraftError] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; label: string; labelEn: string } | null>(
    null,
  )
  const [editError, setEditError] = useState<string | null>(null)

  /** Runs a change, then reads the list again; a refusal is said next to its field. */
  const change = async (
    work: () => Promise<unknown>,
    done: string,
    onField: (text: string) => void,
  ): Promise<boolean> => {
    try {
      await work()
      if (state) await load(state)
      setMessage({ ok: true, text: done })
      return true
    } catch (failure) {
      const error = failure instanceof ApiError ? failure.error : null
      const field = error?.fields?.[0]?.message
      if (field) onField(field)
      else setMessage({ ok: false, text: error?.message ?? t('errors.INTERNAL') })
      return false
    }
  }

  const add = async () => {
    setDraftError(null)
    const added = await change(
      () => call('programmes.create', { label: draft.label, labelEn: draft.labelEn || null }),
      t('programmes.added'),
      setDraftError,
    )
    if (added) setDraft({ label: '', labelEn: '' })
  }
  const save = async () => {
    if (!editing) return
    setEditError(null)
    const saved = await change(
      () =>
        call('programmes.update', {
          id: editing.id,
          label: editing.label,
          labelEn: editing.labelEn || null,
        }),
      t('programmes.saved'),
      setEditError,
    )
    if (saved) setEditing(null)
  }
  const toggle = (programme: Programme) =>
    void change(
      () =>
        call(programme.archivedAt ? 'programmes.restore' : 'programmes.archive', {
          id: programme.id,
        }),
      t('programmes.saved'),
      (text) => setMessage({ ok: false, text }),
    )

  const shown = all.filter((p) => showArchived || !p.archivedAt)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-programmes">
      <Stack>
        <Title order={2} size="h4" id="settings-programmes">
          {t('programmes.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('programmes.hint')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void add()
          }}
          noValidate
          aria-label={t('programmes.add')}
        >
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label={t('programmes.label')}
              value={draft.label}
              onChange={(event) => setDraft({ ...draft, label: event.currentTarget.value })}
              error={draftError}
              required
            />
            <TextInput
              label={t('programmes.labelEn')}
              value={draft.labelEn}
              onChange={(event) => setDraft({ ...draft, labelEn: event.currentTarget.value })}
            />
            <Button type="submit" mt={24}>
              {t('programmes.add')}
            </Button>
          </SimpleGrid>
        </form>
        <div role="status" aria-live="polite">
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        </div>
        <Switch
          label={t('programmes.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
        <Table striped withTableBorder aria-label={t('programmes.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.label')}</Table.Th>
              <Table.Th>{t('programmes.labelEn')}</Table.Th>
              <Table.Th>{t('programmes.code')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((programme) =>
              editing?.id === programme.id ? (
                <ProgrammeRename
                  key={programme.id}
                  programme={programme}
                  editing={editing}
                  error={editError}
                  onChange={setEditing}
                  onSave={() => void save()}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <Table.Tr key={programme.id} data-record-id={programme.id}>
                  <Table.Td>
                    {programme.label}{' '}
                    {programme.archivedAt && (
                      <Badge size="xs" color="gray">
                        {t('programmes.archived')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{programme.labelEn ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {programme.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {!programme.archivedAt && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`${t('programmes.edit')} ${programme.label}`}
                          onClick={() => {
                            setEditError(null)
                            setEditing({
                              id: programme.id,
                              label: programme.label,
                              labelEn: programme.labelEn ?? '',
                            })
                          }}
                        >
                          {t('programmes.edit')}
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color={programme.archivedAt ? 'blue' : 'red'}
                        aria-label={`${t(programme.archivedAt ? 'programmes.restore' : 'programmes.archive')} ${programme.label}`}
                        onClick={() => toggle(programme)}
                      >
                        {t(programme.archivedAt ? 'programmes.restore' : 'programmes.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
