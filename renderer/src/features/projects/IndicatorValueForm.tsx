import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type Indicator, indicatorValueInput, type ProjectDetail } from '@shared/projects/schema'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { useProjectForm } from './use-project-form'
import { FormDateField } from '../../components/FormDateField'

/** A value measured for one indicator: the period's end, the value, a comment. */
export function IndicatorValueForm({
  indicator,
  onSaved,
}: {
  indicator: Indicator
  onSaved: (project: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const form = useProjectForm({
    defaults: { periodEnd: '', value: '', comment: '' },
    schema: indicatorValueInput,
    prepare: (values) => ({ input: { indicatorId: indicator.id, ...values }, errors: {} }),
    send: (input) => call('projects.addIndicatorValue', input),
    onSaved,
  })
  return (
    <InlineAddForm
      form={form}
      label={`${t('projects.indicators.addValue')} — ${indicator.name}`}
      action={t('projects.indicators.addValue')}
    >
      <FormDateField {...form.date('periodEnd', t('projects.indicators.periodEnd'))} withAsterisk />
      <TextInput {...form.field('value', t('projects.indicators.value'))} withAsterisk />
      <TextInput label={t('projects.indicators.comment')} {...form.register('comment')} />
    </InlineAddForm>
  )
}
