import { Anchor, Badge, Group } from '@mantine/core'
import type { TFunction } from 'i18next'
import { countryName } from '@shared/geo/country-names'
import type { Language } from '@shared/i18n/locale'
import { type ProjectSummary, sectorName } from '@shared/projects/schema'
import { money } from '@shared/money/money'
import { dateColumn, textColumn } from '../../components/list/column-factory'
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
    textColumn('title', t('projects.field.title'), (p) => p.title, { width: 240, priority: 1 }),
    textColumn('member', t('projects.field.member'), (p) => p.memberName, {
      width: 190,
      priority: 3,
    }),
    textColumn(
      'country',
      t('projects.field.country'),
      (p) => (p.country ? countryName(p.country, language) : null),
      { width: 130, priority: 5 },
    ),
    textColumn('region', t('projects.field.region'), (p) =>
      p.region ? t(`regions.${p.region}`) : null,
    ),
    textColumn(
      'sector',
      t('projects.field.sector'),
      (p) => `${p.sectorCode} ${sectorName(p.sectorCode, language)}`,
      { width: 220 },
    ),
    textColumn('programme', t('projects.field.programme'), (p) => programmeName(p.programme), {
      width: 200,
      priority: 6,
    }),
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
    textColumn('funders', t('projects.field.funders'), (p) => p.funderNames.join(', ')),
    euro('totalCostEur'),
    euro('committedEur'),
    euro('paidEur'),
    dateColumn('startsOn', t('projects.field.startsOn'), (p) => p.startsOn),
    { id: 'endsOn', kind: 'date', value: (p) => p.endsOn, header: t('projects.field.endsOn') },
    textColumn('year', t('projects.field.year'), (p) => String(p.year), { width: 80 }),
    {
      id: 'lateTranches',
      kind: 'number',
      value: (p) => p.lateTranches,
      header: t('projects.field.lateTranches'),
    },
  ]
  return columns.map((c) => ({ ...c, optional: !DEFAULT_PROJECT_COLUMNS.has(c.id) }))
}
