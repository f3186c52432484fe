import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import {
  type Organisation,
  type OrganisationInput,
  organisationInput,
} from '@shared/organisation/schema'
import { LanguageSwitch } from '../../app/LanguageSwitch'
import { AccountingSection } from '../accounting/AccountingSection'
import { BackupsSection } from '../backups/BackupsSection'
import { DuesSettingsSection } from '../dues/DuesSettingsSection'
import { JournalSection } from '../journal/JournalSection'
import { LockSection } from '../lock/LockSection'
import { RatesSection } from '../rates/RatesSection'
import { ProgrammesSection } from '../programmes/ProgrammesSection'
import { WorkbookSection } from '../workbook/WorkbookSection'
import { SyncSection } from '../sync/SyncSection'
import { useAppStore } from '../../app/app-store'
import { useFileActions } from '../../app/use-file-actions'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'

type OrganisationValues = { [K in keyof OrganisationInput]-?: string }

/** Paramètres: the organisation on reports, the user, the language, the file. */
export function SettingsPage({ state, file }: { state: AppState; file: OpenFileInfo }) {
  const { t } = useTranslation()
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('settings.title')}</Title>
      <OrganisationSection />
      <Paper withBorder p="md" component="section" aria-labelledby="settings-user">
        <Stack>
          <Title order={2} size="h4" id="settings-user">
            {t('settings.user')}
          </Title>
          <UserNameField current={state.userName} />
          <Group>
            <Text size="sm" fw={500}>
              {t('settings.language')}
            </Text>
            <LanguageSwitch />
          </Group>
        </Stack>
      </Paper>
      <LockSection state={state} />
      <RatesSection />
      <ProgrammesSection />
      <DuesSettingsSection />
      <AccountingSection />
      <WorkbookSection />
      <BackupsSection />
      <SyncSection />
      <JournalSection />
      <FileSection file={file} />
    </Stack>
  )
}

function OrganisationSection() {
  const { t } = useTranslation()
  const [organisation, setOrganisation] = useState<Organisation | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const { register, handleSubmit, reset, setError, formState } = useForm<OrganisationValues>({
    resolver: schemaResolver<OrganisationValues>(organisationInput, t),
    // Validated on submit, then again as each field changes: validating on blur races the submit.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  useEffect(() => {
    void call('organisation.get', {}).then((org) => {
      setOrganisation(org)
      reset({
        name: org.name,
        address: org.address ?? '',
        email: org.email ?? '',
        website: org.website ?? '',
      })
    })
  }, [reset])

  const submit = handleSubmit(async (values) => {
    try {
      setOrganisation(await call('organisation.update', values))
      setMessage({ ok: true, text: t('common.saved') })
    } catch (failure) {
      const text = applyServerErrors(
        failure,
        Object.keys(organisationInput.shape),
        setError,
        t('errors.INTERNAL'),
      )
      if (text) setMessage({ ok: false, text })
    }
  })

  async function changeLogo(action: 'organisation.chooseLogo' | 'organisation.removeLogo') {
    try {
      setOrganisation(await call(action, {}))
    } catch (failure) {
      if (!isCancelled(failure))
        setMessage({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }

  const errors = formState.errors
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-organisation">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="settings-organisation">
            {t('settings.organisation')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.organisationHint')}
          </Text>
          <TextInput
            label={t('settings.orgName')}
            withAsterisk
            {...register('name')}
            error={errors.name?.message}
          />
          <Textarea
            label={t('settings.orgAddress')}
            autosize
            minRows={3}
            {...register('address')}
            error={errors.address?.message}
          />
          <Group grow>
            <TextInput
              label={t('settings.orgEmail')}
              type="email"
              {...register('email')}
              error={errors.email?.message}
            />
            <TextInput
              label={t('settings.orgWebsite')}
              {...register('website')}
              error={errors.website?.message}
            />
          </Group>
          <Group align="center">
            <Text size="sm" fw={500}>
              {t('settings.orgLogo')}
            </Text>
            {organisation?.logo && (
              <Image
                src={organisation.logo}
                alt={t('settings.orgLogo')}
                h={48}
                w="auto"
                fit="contain"
              />
            )}
            <Button
              variant="default"
              size="xs"
              onClick={() => void changeLogo('organisation.chooseLogo')}
            >
              {t('settings.orgLogoChoose')}
            </Button>
            {organisation?.logo && (
              <Button
                variant="subtle"
                size="xs"
                color="red"
                onClick={() => void changeLogo('organisation.removeLogo')}
              >
                {t('settings.orgLogoRemove')}
              </Button>
            )}
            <Text size="xs" c="dimmed">
              {t('settings.orgLogoHint')}
            </Text>
          </Group>
          <div role="status" aria-live="polite">
            {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          </div>
          <Group justify="flex-end">
            <Button type="submit" loading={formState.isSubmitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function UserNameField({ current }: { current: string }) {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  const [name, setName] = useState(current)
  const [error, setError] = useState<string | null>(null)
  async function save() {
    try {
      await call('app.setUserName', { name })
      setError(null)
      await refresh()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  return (
    <Group align="flex-end">
      <TextInput
        label={t('settings.userName')}
        description={t('settings.userNameHint')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={error}
        w={420}
      />
      <Button variant="default" onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Group>
  )
}

function FileSection({ file }: { file: OpenFileInfo }) {
  const { t } = useTranslation()
  const files = useFileActions()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-file">
      <Stack>
        <Title order={2} size="h4" id="settings-file">
          {t('settings.file')}
        </Title>
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('settings.filePath')}</Table.Th>
              <Table.Td>
                <Code>{file.path}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.fileSchema')}</Table.Th>
              <Table.Td>{file.schemaVersion}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.fileReplica')}</Table.Th>
              <Table.Td>
                <Code>{file.replicaId}</Code>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {files.error && <Alert color="red">{files.error}</Alert>}
        <Group>
          <Button variant="default" onClick={() => void call('file.showInFolder', {})}>
            {t('settings.showInFolder')}
          </Button>
          <Button variant="default" color="red" onClick={() => void files.close()}>
            {t('settings.closeFile')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
