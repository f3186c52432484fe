import { Anchor, Badge, Group } from '@mantine/core'
import type { TFunction } from 'i18next'
import { countryName } from '@shared/geo/country-names'
import type { Language } from '@shared/i18n/locale'
import { type ProjectSummary, sectorName } from '@shared/projects/schema'
import { money } from '@shared/money/money'
import type { ListColumn } from '../../components/list/list-columns'

/** The columns the project list shows by default; the others are in the column chooser. */
const DEFAULT_PROJECT_COLUMNS = new Set([
  'code',
  'title',
  'member',
  'country',
  'programme',
  'status',
  'totalCostEur',
  'committedEur',
  'paidEur',
])

export const STATUS_COLORS: Record<ProjectSummary['status'], string> = {
  in_review: 'gray',
  approved: 'cyan',
  agreement_signed: 'indigo',
  in_progress: 'blue',
  completed: 'teal',
  closed: 'dark',
  abandoned: 'red',
}

export function projectColumns(
  t: TFunction,
  language: Language,
  open: (id: string) => void,
  programmeName: (code: string) => string,
): ListColumn<ProjectSummary>[] {
  const euro = (key: 'totalCostEur' | 'committedEur' | 'paidEur'): ListColumn<ProjectSummary> => ({
    id: key,
    kind: 'money',
    amount: (p) => money(p[key], 'EUR'),
    header: t(`projects.field.${key}`),
    width: 140,
  })
  const columns: ListColumn<ProjectSummary>[] = [
    {
      id: 'code',
      kind: 'text',
      value: (p) => p.code,
      header: t('projects.field.code'),
      width: 130,
      cell: (p) => (
        <Anchor
          component="button"
          size="sm"
          onClick={() => open(p.id)}
          aria-label={t('projects.open', { code: p.code })}
        >
          {p.code}
        </Anchor>
      ),
    },
    {
      id: 'title',
      kind: 'text',
      value: (p) => p.title,
      header: t('projects.field.title'),
      width: 240,
      priority: 1,
    },
    {
      id: 'member',
      kind: 'text',
      value: (p) => p.memberName,
      header: t('projects.field.member'),
      width: 190,
      priority: 3,
    },
    {
      id: 'country',
      kind: 'text',
      value: (p) => (p.country ? countryName(p.country, language) : null),
      header: t('projects.field.country'),
      width: 130,
      priority: 5,
    },
    {
      id: 'region',
      kind: 'text',
      value: (p) => (p.region ? t(`regions.${p.region}`) : null),
      header: t('projects.field.region'),
    },
    {
      id: 'sector',
      kind: 'text',
      value: (p) => `${p.sectorCode} ${sectorName(p.sectorCode, language)}`,
      header: t('projects.field.sector'),
      width: 220,
    },
    {
      id: 'programme',
      kind: 'text',
      value: (p) => programmeName(p.programme),
      header: t('projects.field.programme'),
      width: 200,
      priority: 6,
    },
    {
      id: 'status',
      kind: 'text',
      value: (p) => t(`projects.status.${p.status}`),
      header: t('projects.field.status'),
      width: 150,
      priority: 2,
      cell: (p) => (
        <Group gap={4} wrap="nowrap">
          <Badge size="sm" variant="light" color={STATUS_COLORS[p.status]}>
            {t(`projects.status.${p.status}`)}
          </Badge>
          {p.archivedAt && (
            <Badge size="sm" color="gray">
              {t('common.archived')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'funders',
      kind: 'text',
      value: (p) => p.funderNames.join(', '),
      header: t('projects.field.funders'),
    },
    euro('totalCostEur'),
    euro('committedEur'),
    euro('paidEur'),
    {
      id: 'startsOn',
      kind: 'date',
      value: (p) => p.startsOn,
      header: t('projects.field.startsOn'),
    },
    { id: 'endsOn', kind: 'date', value: (p) => p.endsOn, header: t('projects.field.endsOn') },
    {
      id: 'year',
      kind: 'text',
      value: (p) => String(p.year),
      header: t('projects.field.year'),
      width: 80,
    },
    {
      id: 'lateTranches',
      kind: 'number',
      value: (p) => p.lateTranches,
      header: t('projects.field.lateTranches'),
    },
  ]
  return columns.map((c) => ({ ...c, optional: !DEFAULT_PROJECT_COLUMNS.has(c.id) }))
}
