import {
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  type Indicator,
  indicatorInput,
  type ProjectDetail,
} from '@shared/projects/schema'
import { InlineAddForm } from '../../components/RecordForm'
import { FormSelect } from '../../components/FormSelect'
import { call, errorMessage } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import {
  type ProjectEntryProps,
  type ProjectSectionProps,
  useProjectForm,
} from './use-project-form'
import { ProjectEntry } from './ProjectEntry'
import { EntryButton } from '../../components/page/EntryButton'
import { useClosedReason } from './use-closed-reason'
import { IndicatorValueForm } from './IndicatorValueForm'
import { formatIndicatorValue } from '@shared/projects/indicator-format'
import { FormDateField } from '../../components/FormDateField'

type Saved = ProjectSectionProps['onSaved']

/** Results indicators: baseline, target, values measured, and progress as a bar. */
export function IndicatorsSection({ project, onSaved, onError }: ProjectSectionProps) {
  const { t } = useTranslation()
  const closed = useClosedReason(project)
  return (
    <section aria-labelledby="project-indicators">
      <Title order={2} size="h4" id="project-indicators" mb="xs">
        {t('projects.indicators.title')}
      </Title>
      {project.indicators.length === 0 && <Text c="dimmed">{t('projects.indicators.empty')}</Text>}
      <Stack gap="sm">
        {project.indicators.map((indicator) => (
          <IndicatorCard
            key={indicator.id}
            project={project}
            indicator={indicator}
            onSaved={onSaved}
            onError={onError}
          />
        ))}
      </Stack>
      <ProjectEntry
        label={t('projects.indicators.add')}
        unavailable={closed}
        form={IndicatorForm}
        project={project}
        added={t('projects.indicators.added')}
        onSaved={onSaved}
      />
    </section>
  )
}

/** A value as the user reads it: yes/no in words, numbers the user's way. */
function useShowValue() {
  const { t } = useTranslation()
  const language = useLanguage()
  return (indicator: Indicator, value: string | null) =>
    formatIndicatorValue(indicator.measure, indicator.unit, value, language, {
      yes: t('common.yes'),
      no: t('common.no'),
      none: t('common.none'),
    })
}

function IndicatorCard({
  project,
  indicator,
  onSaved,
  onError,
}: {
  project: ProjectDetail
  indicator: Indicator
  onSaved: Saved
  onError: (message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const show = useShowValue()
  const percent = indicator.progress === null ? null : Math.round(indicator.progress * 100)
  const remove = async () => {
    try {
      onSaved(
        await call('projects.removeIndicator', { id: indicator.id }),
        t('projects.indicators.removed'),
      )
    } catch (failure) {
      onError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  return (
    <Paper
      withBorder
      p="sm"
      aria-label={indicator.name}
      component="article"
      data-record-id={indicator.id}
    >
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>{indicator.name}</Text>
          <Text size="xs" c="dimmed">
            {t(`projects.indicators.level_${indicator.level}`)} ·{' '}
            {t(`projects.indicators.measure_${indicator.measure}`)} ·{' '}
            {t('projects.indicators.baseline')} : {show(indicator, indicator.baselineValue)} ·{' '}
            {t('projects.indicators.target')} : {show(indicator, indicator.targetValue)}
            {indicator.targetOn ? ` (${formatDate(indicator.targetOn, language)})` : ''}
          </Text>
        </div>
        {project.nextStatuses.length > 0 && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove()}>
            {t('projects.indicators.remove')}
          </Button>
        )}
      </Group>
      {percent !== null && (
        <Stack gap={2} mt="xs">
          <Progress value={percent} aria-label={t('projects.indicators.progress', { percent })} />
          <Text size="xs">
            {t('projects.indicators.latest')} : {show(indicator, indicator.latestValue)} —{' '}
            {t('projects.indicators.progress', { percent })}
          </Text>
        </Stack>
      )}
      {indicator.values.length === 0 ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('projects.indicators.noValue')}
        </Text>
      ) : (
        <Table mt="xs" aria-label={`${t('projects.indicators.values')} — ${indicator.name}`}>
          <Table.Tbody>
            {indicator.values.map((value) => (
              <Table.Tr key={value.id} data-record-id={value.id}>
                <Table.Td>{formatDate(value.periodEnd, language)}</Table.Td>
                <Table.Td>{show(indicator, value.value)}</Table.Td>
                <Table.Td>{value.comment}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="xs">
        <EntryButton
          label={t('projects.indicators.addValue')}
          title={`${t('projects.indicators.addValue')} — ${indicator.name}`}
          unavailable={project.archivedAt === null ? null : t('recordPage.archived')}
          buttonSize="xs"
          size="md"
        >
          {(close) => (
            <IndicatorValueForm
              indicator={indicator}
              onSaved={(next) => {
                close()
                onSaved(next, t('projects.indicators.valueAdded'))
              }}
            />
          )}
        </EntryButton>
      </Group>
    </Paper>
  )
}

function IndicatorForm({ project, onSaved }: ProjectEntryProps) {
  const { t } = useTranslation()
  const form = useProjectForm({
    defaults: {
      name: '',
      level: 'output',
      measure: 'number',
      unit: '',
      baselineValue: '',
      baselineOn: '',
      targetValue: '',
      targetOn: '',
    },
    schema: indicatorInput,
    prepare: (values) => ({ input: { projectId: project.id, ...values }, errors: {} }),
    send: (input) => call('projects.addIndicator', input),
    onSaved,
  })
  const { field, select } = form
  return (
    <InlineAddForm form={form} label={t('projects.indicators.add')}>
      <TextInput {...field('name', t('projects.indicators.name'))} withAsterisk />
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <FormSelect
          {...select('level', t('projects.indicators.level'))}
          data={INDICATOR_LEVELS.map((l) => ({
            value: l,
            label: t(`projects.indicators.level_${l}`),
          }))}
          required
        />
        <FormSelect
          {...select('measure', t('projects.indicators.measure'))}
          data={INDICATOR_MEASURES.map((m) => ({
            value: m,
            label: t(`projects.indicators.measure_${m}`),
          }))}
          required
        />
        <TextInput {...field('unit', t('projects.indicators.unit'))} />
        <TextInput {...field('baselineValue', t('projects.indicators.baseline'))} />
        <FormDateField {...form.date('baselineOn', t('projects.indicators.baselineOn'))} />
        <TextInput {...field('targetValue', t('projects.indicators.target'))} withAsterisk />
        <FormDateField {...form.date('targetOn', t('projects.indicators.targetOn'))} />
      </SimpleGrid>
    </InlineAddForm>
  )
}
