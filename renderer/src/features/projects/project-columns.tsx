import { Anchor, Badge, Group } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import { countryName } from '@shared/geo/country-names'
import type { Language } from '@shared/i18n/locale'
import { type ProjectSummary, sectorName } from '@shared/projects/schema'
import { Amount } from '../../components/Amount'
import { formatDate } from '@shared/i18n/format-dates'

/** The columns the project list can show, in their order; the user picks which. */
export const PROJECT_COLUMN_IDS = [
  'code',
  'title',
  'member',
  'country',
  'region',
  'sector',
  'programme',
  'status',
  'funders',
  'totalCostEur',
  'committedEur',
  'paidEur',
  'startsOn',
  'endsOn',
  'year',
  'lateTranches',
] as const
export type ProjectColumnId = (typeof PROJECT_COLUMN_IDS)[number]

export const DEFAULT_PROJECT_COLUMNS: ProjectColumnId[] = [
  'code',
  'title',
  'member',
  'country',
  'programme',
  'status',
  'committedEur',
  'paidEur',
]

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
): ColumnDef<ProjectSummary>[] {
  const euro = (key: 'totalCostEur' | 'committedEur' | 'paidEur'): ColumnDef<ProjectSummary> => ({
    id: key,
    accessorKey: key,
    header: t(`projects.field.${key}`),
    meta: { numeric: true },
    cell: ({ row }) => <Amount minor={row.original[key]} currency="EUR" />,
  })
  return [
    {
      id: 'code',
      accessorKey: 'code',
      header: t('projects.field.code'),
      cell: ({ row }) => (
        <Anchor
          component="button"
          size="sm"
          onClick={() => open(row.original.id)}
          aria-label={t('projects.open', { code: row.original.code })}
        >
          {row.original.code}
        </Anchor>
      ),
    },
    { id: 'title', accessorKey: 'title', header: t('projects.field.title') },
    { id: 'member', accessorKey: 'memberName', header: t('projects.field.member') },
    {
      id: 'country',
      accessorFn: (p) => (p.country ? countryName(p.country, language) : ''),
      header: t('projects.field.country'),
    },
    {
      id: 'region',
      accessorFn: (p) => (p.region ? t(`regions.${p.region}`) : ''),
      header: t('projects.field.region'),
    },
    {
      id: 'sector',
      accessorFn: (p) => `${p.sectorCode} ${sectorName(p.sectorCode, language)}`,
      header: t('projects.field.sector'),
    },
    {
      id: 'programme',
      accessorFn: (p) => programmeName(p.programme),
      header: t('projects.field.programme'),
    },
    {
      id: 'status',
      accessorFn: (p) => t(`projects.status.${p.status}`),
      header: t('projects.field.status'),
      cell: ({ row }) => (
        <Group gap={4} wrap="nowrap">
          <Badge size="sm" variant="light" color={STATUS_COLORS[row.original.status]}>
            {t(`projects.status.${row.original.status}`)}
          </Badge>
          {row.original.archivedAt && (
            <Badge size="sm" color="gray">
              {t('common.archived')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'funders',
      accessorFn: (p) => p.funderNames.join(', '),
      header: t('projects.field.funders'),
    },
    euro('totalCostEur'),
    euro('committedEur'),
    euro('paidEur'),
    {
      id: 'startsOn',
      accessorFn: (p) => p.startsOn ?? '',
      header: t('projects.field.startsOn'),
      cell: ({ row }) => formatDate(row.original.startsOn, language),
    },
    {
      id: 'endsOn',
      accessorFn: (p) => p.endsOn ?? '',
      header: t('projects.field.endsOn'),
      cell: ({ row }) => formatDate(row.original.endsOn, language),
    },
    { id: 'year', accessorKey: 'year', header: t('projects.field.year') },
    {
      id: 'lateTranches',
      accessorKey: 'lateTranches',
      header: t('projects.field.lateTranches'),
      meta: { numeric: true },
    },
  ]
}
