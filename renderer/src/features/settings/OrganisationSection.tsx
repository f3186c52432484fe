import {
  Alert,
  Button,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  type Organisation,
  type OrganisationInput,
  organisationInput,
} from '@shared/organisation/schema'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useEditSavedNotice } from '../../app/use-undo'

type OrganisationValues = { [K in keyof OrganisationInput]-?: string }

/** The organisation on reports: its name, address, contact and logo. */
export function OrganisationSection() {
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
      const saved = await call('organisation.update', values)
      setOrganisation(saved)
      setMessage({ ok: true, text: t('common.saved') })
      editSaved(saved.name, changed)
      // The saved values become the form's starting point: a new save with no change offers no undo.
      reset(values)
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
  const changed = formState.isDirty
  const editSaved = useEditSavedNotice()
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
