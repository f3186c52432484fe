import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type Indicator, indicatorValueInput, type ProjectDetail } from '@shared/projects/schema'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { useProjectForm } from './use-project-form'

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
    <form
      onSubmit={(event) => void form.submit(event)}
      noValidate
      aria-label={`${t('projects.indicators.addValue')} — ${indicator.name}`}
    >
      <Stack gap="sm">
        <FormError message={form.formError} />
        <TextInput
          type="date"
          label={t('projects.indicators.periodEnd')}
          withAsterisk
          {...form.register('periodEnd')}
          error={form.errors.periodEnd?.message}
        />
        <TextInput
          label={t('projects.indicators.value')}
          withAsterisk
          {...form.register('value')}
          error={form.errors.value?.message}
        />
        <TextInput label={t('projects.indicators.comment')} {...form.register('comment')} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.indicators.addValue')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
