import { Button, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LETTER_FIELDS, LETTER_KINDS, type LetterKind } from '@shared/dues/letters'
import { LANGUAGES, type Language } from '@shared/i18n/locale'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { ApiError, call, errorMessage } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useChannel } from '../../lib/use-api-data'

/** Paramètres → Cotisations: the arrears tolerated at approval, the payment term, the letters. */
export function DuesSettingsSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [tolerance, setTolerance] = useState('')
  const [days, setDays] = useState('90')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<Status | null>(null)
  useEffect(() => {
    void call('dues.settings', {}).then((s) => {
      setTolerance(formatAmount(money(s.arrearsToleranceEur, 'EUR'), language))
      setDays(String(s.paymentDays))
    })
  }, [language])
  async function save() {
    const amount = amountForContract(tolerance || '0', 'EUR', language)
    if (!amount.ok && amount.key !== 'validation.amountPositive') {
      return setErrors({ arrearsTolerance: t(amount.key, { currency: 'EUR' }) })
    }
    try {
      await call('dues.updateSettings', {
        arrearsTolerance: amount.ok ? amount.value : '0',
        paymentDays: Number(days),
      })
      setErrors({})
      setStatus({ ok: true, text: t('dues.settings.saved') })
    } catch (failure) {
      if (failure instanceof ApiError)
        setErrors(Object.fromEntries((failure.error.fields ?? []).map((f) => [f.path, f.message])))
      setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-dues">
      <Stack>
        <Title order={2} size="h4" id="settings-dues">
          {t('dues.settings.title')}
        </Title>
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        <Group align="flex-end">
          <TextInput
            label={t('dues.settings.tolerance')}
            value={tolerance}
            onChange={(e) => setTolerance(e.currentTarget.value)}
            error={errors.arrearsTolerance}
          />
          <TextInput
            label={t('dues.settings.paymentDays')}
            value={days}
            onChange={(e) => setDays(e.currentTarget.value)}
            error={errors.paymentDays}
            w={160}
          />
          <Button variant="light" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
        <LetterTemplates />
      </Stack>
    </Paper>
  )
}

/** The letters' texts, one kind and language at a time, with the fields they may use. */
function LetterTemplates() {
  const { t } = useTranslation()
  const { data: templatesRead, setData: setTemplates } = useChannel('letters.templates', {})
  const templates = templatesRead ?? []
  const [kind, setKind] = useState<LetterKind>('reminder')
  const [language, setLanguage] = useState<Language>('fr')
  // What the user typed for each letter, until saved; otherwise the letter's stored text.
  const [drafts, setDrafts] = useState<Record<string, { subject: string; body: string }>>({})
  const [status, setStatus] = useState<Status | null>(null)
  const key = `${kind}.${language}`
  const stored = templates.find((tpl) => tpl.kind === kind && tpl.language === language)
  const { subject, body } = drafts[key] ?? {
    subject: stored?.subject ?? '',
    body: stored?.body ?? '',
  }
  const edit = (patch: Partial<{ subject: string; body: string }>) =>
    setDrafts((current) => ({ ...current, [key]: { subject, body, ...patch } }))
  async function save() {
    try {
      setTemplates(await call('letters.saveTemplate', { kind, language, subject, body }))
      setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([k]) => k !== key)))
      setStatus({ ok: true, text: t('letters.templateSaved') })
    } catch (failure) {
      setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-letters">
      <Title order={3} size="h5" id="settings-letters">
        {t('letters.templates')}
      </Title>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Group>
        <ListSelect
          label={t('letters.templateKind')}
          data={LETTER_KINDS.map((k) => ({ value: k, label: t(`letters.kind_${k}`) }))}
          value={kind}
          onChange={(value) => setKind(LETTER_KINDS.find((k) => k === value) ?? 'reminder')}
          allowDeselect={false}
        />
        <ListSelect
          label={t('letters.templateLanguage')}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          value={language}
          onChange={(value) => setLanguage(LANGUAGES.find((l) => l === value) ?? 'fr')}
          allowDeselect={false}
        />
      </Group>
      <TextInput
        label={t('letters.subject')}
        value={subject}
        onChange={(e) => edit({ subject: e.currentTarget.value })}
      />
      <Textarea
        label={t('letters.body')}
        description={t('letters.fields', {
          fields: LETTER_FIELDS.map((f) => `{{${f}}}`).join(' '),
        })}
        value={body}
        onChange={(e) => edit({ body: e.currentTarget.value })}
        autosize
        minRows={5}
      />
      <Group>
        <Button variant="light" onClick={() => void save()}>
          {t('letters.saveTemplate')}
        </Button>
      </Group>
    </Stack>
  )
}
