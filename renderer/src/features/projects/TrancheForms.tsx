import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  type ProjectDetail,
  type Tranche,
  trancheCancelInput,
  trancheInput,
} from '@shared/projects/schema'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'

/** A tranche planned: its date, its amount, and the condition it waits on. */
export function TrancheForm({
  project,
  onSaved,
}: {
  project: ProjectDetail
  onSaved: (p: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const form = useProjectForm({
    defaults: { plannedOn: '', amount: '', condition: '' },
    schema: trancheInput,
    prepare: (values) => {
      const amount = amountForContract(values.amount, project.currency, language)
      const errors: Record<string, string> = amount.ok
        ? {}
        : { amount: t(amount.key, { currency: project.currency }) }
      return {
        input: { projectId: project.id, ...values, amount: amount.ok ? amount.value : '1' },
        errors,
      }
    },
    send: (input) => call('projects.addTranche', input),
    onSaved,
  })
  return (
    <form
      onSubmit={(event) => void form.submit(event)}
      noValidate
      aria-label={t('projects.tranches.add')}
    >
      <Stack gap="sm">
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 2, lg: 3 }}>
          <TextInput
            type="date"
            label={t('projects.tranches.plannedOn')}
            withAsterisk
            {...form.register('plannedOn')}
            error={form.errors.plannedOn?.message}
          />
          <TextInput
            label={t('projects.tranches.amount', { currency: project.currency })}
            withAsterisk
            inputMode="decimal"
            {...form.register('amount')}
            error={form.errors.amount?.message}
          />
          <TextInput
            label={t('projects.tranches.condition')}
            {...form.register('condition')}
            error={form.errors.condition?.message}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.tranches.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** A pending tranche cancelled, with why. */
export function TrancheCancelForm({
  tranche,
  onSaved,
}: {
  tranche: Tranche
  onSaved: (p: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const form = useProjectForm({
    defaults: { reason: '' },
    schema: trancheCancelInput,
    prepare: (values) => ({ input: { id: tranche.id, ...values }, errors: {} }),
    send: (input) => call('projects.cancelTranche', input),
    onSaved,
  })
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <TextInput
          label={t('projects.tranches.cancelReason')}
          withAsterisk
          {...form.register('reason')}
          error={form.errors.reason?.message}
        />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={form.formState.isSubmitting}>
            {t('projects.tranches.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
