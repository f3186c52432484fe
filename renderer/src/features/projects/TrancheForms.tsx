import { SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  type ProjectDetail,
  type Tranche,
  trancheCancelInput,
  trancheInput,
} from '@shared/projects/schema'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { preparedAmount } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'
import { FormDateField } from '../../components/FormDateField'

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
      const amount = preparedAmount('amount', values.amount, project.currency, language, t)
      return {
        input: { projectId: project.id, ...values, amount: amount.value },
        errors: amount.errors,
      }
    },
    send: (input) => call('projects.addTranche', input),
    onSaved,
  })
  return (
    <InlineAddForm form={form} label={t('projects.tranches.add')}>
      <SimpleGrid cols={{ base: 2, lg: 3 }}>
        <FormDateField {...form.date('plannedOn', t('projects.tranches.plannedOn'))} withAsterisk />
        <TextInput
          {...form.field('amount', t('projects.tranches.amount', { currency: project.currency }))}
          withAsterisk
          inputMode="decimal"
        />
        <TextInput {...form.field('condition', t('projects.tranches.condition'))} />
      </SimpleGrid>
    </InlineAddForm>
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
    <InlineAddForm form={form} action={t('projects.tranches.cancel')} color="red">
      <TextInput {...form.field('reason', t('projects.tranches.cancelReason'))} withAsterisk />
    </InlineAddForm>
  )
}
