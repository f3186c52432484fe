import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SharingKey } from '@shared/budget/cost-sharing'
import type { Agreement } from '@shared/funds/schema'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import { ApiError, call } from '../../lib/api'
import { FormError } from '../../components/FormError'
import { useNotices } from '../../components/notices'
import { useLanguage } from '../../lib/use-language'
import { EMPTY_SHARES, SharesEditor, type SharesState, UNTIED_FUND } from './SharesEditor'

/**
 * The saved cost-sharing keys (« clés de répartition »): a name and shares in percent, applied
 * to an expense from its form. Percentages only: a key is a proportion, the amounts come from
 * each expense.
 */
export function SharingKeysPanel({ agreements }: { agreements: Agreement[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const notify = useNotices((store) => store.notify)
  const [keys, setKeys] = useState<SharingKey[]>([])
  const [name, setName] = useState('')
  const [shares, setShares] = useState<SharesState>(EMPTY_SHARES)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  useEffect(() => {
    void call('budget.sharingKeys', {}).then(setKeys)
  }, [])
  const reference = (id: string | null) =>
    id === null ? t('costSharing.untied') : (agreements.find((a) => a.id === id)?.reference ?? id)
  const save = async () => {
    setErrors({})
    setFormError(null)
    try {
      const saved = await call('budget.saveSharingKey', {
        name,
        rows: shares.rows.map((row) => ({
          agreementId: row.fund === UNTIED_FUND || row.fund === '' ? null : row.fund,
          headingCode: row.headingCode || null,
          percent: row.value,
        })),
      })
      setKeys(saved)
      setName('')
      setShares(EMPTY_SHARES)
      notify({ text: t('costSharing.keySaved') })
    } catch (failure) {
      const fields = failure instanceof ApiError ? (failure.error.fields ?? []) : []
      // The key's rows are named `rows.N.field`; the editor reads them as a share's rows.
      setErrors(Object.fromEntries(fields.map((f) => [`shares.${f.path}`, f.message])))
      setFormError(fields.length === 0 && failure instanceof Error ? failure.message : null)
    }
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('costSharing.keysHint')}
      </Text>
      {keys.length === 0 && <Text size="sm">{t('costSharing.noKeys')}</Text>}
      {keys.map((key) => (
        <Paper key={key.id} withBorder p="xs" data-record-id={key.id}>
          <Group justify="space-between">
            <Stack gap={0}>
              <Text fw={600}>{key.name}</Text>
              <Text size="sm">
                {key.rows
                  .map(
                    (r) =>
                      `${reference(r.agreementId)}${r.headingCode ? ` · ${r.headingCode}` : ''} ${formatBasisPoints(r.percentBp, language)}`,
                  )
                  .join(' / ')}
              </Text>
            </Stack>
            <Button
              variant="subtle"
              color="red.9"
              onClick={() =>
                void call('budget.removeSharingKey', { id: key.id }).then((list) => {
                  setKeys(list)
                  notify({ text: t('costSharing.keyRemoved') })
                })
              }
            >
              {t('costSharing.removeKey')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Title order={4}>{t('costSharing.newKey')}</Title>
          <FormError message={formError} />
          <TextInput
            label={t('costSharing.keyName')}
            withAsterisk
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors['shares.name']}
          />
          <SharesEditor
            forKey
            agreements={agreements}
            state={{ ...shares, mode: 'percent' }}
            onChange={setShares}
            amount=""
            currency="EUR"
            errors={errors}
          />
          <Group justify="end">
            <Button onClick={() => void save()}>{t('costSharing.newKey')}</Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}
