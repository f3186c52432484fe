import { Anchor, Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FundsSummary } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { useAppStore } from '../../app/app-store'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'

/** Each alert card lists this many lines, then says how many more: the row stays one screen high. */
const SHOWN = 3

interface AlertLine {
  key: string
  agreementId: string
  reference: string
  detail: string
  badge?: string
  amountEur?: number
}

/**
 * The alerts first, above every figure: reports due, agreements ending, tied money at risk of
 * lapsing — compact, so that they fit at the top of a 1280×720 window.
 */
export function DashboardAlerts({ summary }: { summary: FundsSummary }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const day = (iso: string) => formatDate(iso, language)
  const cards: { id: string; title: string; empty: string; lines: AlertLine[] }[] = [
    {
      id: 'reports',
      title: t('dashboard.reportsDue'),
      empty: t('dashboard.noReportsDue'),
      lines: summary.reportsDue.map((r) => ({
        key: `${r.agreementId}-${r.dueOn}-${r.kind}`,
        agreementId: r.agreementId,
        reference: r.reference,
        detail: `${t(`reports.kinds.${r.kind}`)} — ${day(r.dueOn)}`,
        ...(r.overdue ? { badge: t('reports.overdue') } : {}),
      })),
    },
    {
      id: 'ending',
      title: t('dashboard.endingSoon'),
      empty: t('dashboard.noneEnding'),
      lines: summary.endingSoon.map((a) => ({
        key: a.id,
        agreementId: a.id,
        reference: a.reference,
        detail: `${a.funderName} — ${day(a.endsOn)}`,
      })),
    },
    {
      id: 'lapsing',
      title: t('dashboard.lapsingRisk'),
      empty: t('dashboard.noneLapsing'),
      lines: summary.lapsingRisk.map((a) => ({
        key: a.id,
        agreementId: a.id,
        reference: a.reference,
        detail: day(a.endsOn),
        amountEur: a.availableEur,
      })),
    },
  ]
  return (
    <section aria-labelledby="dashboard-alerts">
      <Title order={2} size="h5" id="dashboard-alerts" mb={4}>
        {t('dashboard.alertsTitle')}
      </Title>
      <SimpleGrid cols={3} spacing="sm">
        {cards.map((card) => (
          <AlertCard key={card.id} {...card} />
        ))}
      </SimpleGrid>
    </section>
  )
}

function AlertCard({
  id,
  title,
  empty,
  lines,
}: {
  id: string
  title: string
  empty: string
  lines: AlertLine[]
}) {
  const { t } = useTranslation()
  const openAgreement = useAppStore((s) => s.openAgreement)
  const color = lines.length === 0 ? 'gray' : id === 'lapsing' ? 'red' : 'orange'
  return (
    <Paper withBorder p="xs" component="section" aria-label={title} data-alert={id}>
      <Group gap={6} wrap="nowrap" align="flex-start" mb={4}>
        <Badge color={color} variant="filled" size="sm" circle aria-hidden>
          {lines.length}
        </Badge>
        <Text size="xs" fw={700} lh={1.3}>
          {title}
        </Text>
      </Group>
      {lines.length === 0 ? (
        <Text size="xs" c="dimmed">
          {empty}
        </Text>
      ) : (
        <>
          <Table aria-label={title} verticalSpacing={2} horizontalSpacing={4} fz="xs">
            <Table.Tbody>
              {lines.slice(0, SHOWN).map((line) => (
                <Table.Tr key={line.key}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      fz="xs"
                      onClick={() => openAgreement(line.agreementId)}
                      aria-label={t('agreements.open', { reference: line.reference })}
                    >
                      {line.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {line.detail}
                    {line.badge && (
                      <Badge color="red.9" size="xs" ml={6} style={{ verticalAlign: 'middle' }}>
                        {line.badge}
                      </Badge>
                    )}
                  </Table.Td>
                  {line.amountEur !== undefined && (
                    <Table.Td ta="right">
                      <Amount minor={line.amountEur} currency="EUR" />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {lines.length > SHOWN && (
            <Text size="xs" c="dimmed">
              {t('dashboard.more', { count: lines.length - SHOWN })}
            </Text>
          )}
        </>
      )}
    </Paper>
  )
}
