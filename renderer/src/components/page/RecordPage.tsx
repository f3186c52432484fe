import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useUrlParam } from '../../lib/use-url-param'
import { type Status, StatusMessage } from '../StatusMessage'
import { Term } from '../Term'

/**
 * The frame of one record's page: the way back to its list, its header (title, what it is,
 * badges, actions), the page's status line, then its key figures and its tabs (RecordTabs).
 */
export function RecordPage({
  backLabel,
  onBack,
  title,
  subtitle,
  badges,
  actions,
  status,
  onCloseStatus,
  gap = 'md',
  children,
}: {
  backLabel: string
  onBack: () => void
  title: ReactNode
  subtitle?: ReactNode
  badges?: ReactNode
  actions?: ReactNode
  status: Status | null
  onCloseStatus: () => void
  gap?: 'md' | 'lg'
  children: ReactNode
}) {
  return (
    <Stack gap={gap}>
      <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
        ← {backLabel}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{title}</Title>
          {subtitle !== undefined && <Text>{subtitle}</Text>}
          {badges !== undefined && (
            <Group gap="xs" mt={4}>
              {badges}
            </Group>
          )}
        </div>
        {actions}
      </Group>
      <StatusMessage status={status} onClose={onCloseStatus} />
      {children}
    </Stack>
  )
}

/** A record's page before its record is read: nothing, or why it could not be read. */
export function RecordNotRead({ status }: { status: Status | null }) {
  return status ? <Alert color="red">{status.text}</Alert> : null
}

/** One key figure of a record: its label and its value (false leaves it out). */
export type KeyFigure = readonly [label: string, value: ReactNode] | false | '' | null | undefined

/** The key figures of a record, four a row on a wide window, with any notes below them. */
export function KeyFigures({
  figures,
  children,
}: {
  figures: readonly KeyFigure[]
  children?: ReactNode
}) {
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {figures.map(
          (figure) =>
            figure && (
              <Term key={figure[0]} label={figure[0]}>
                {figure[1]}
              </Term>
            ),
        )}
      </SimpleGrid>
      {children}
    </Paper>
  )
}

/** One tab of a record's page: its name in the address, its label, and what it shows. */
export interface RecordTab {
  value: string
  label: string
  content: ReactNode
}

/**
 * A record's page below its header: one tab at a time (only the shown tab is mounted, so a page
 * is as high as one of its parts). The tab is in the address (`?<param>=<tab>`): Back returns to
 * the previous tab, and coming back to the record shows the tab left. The tab list is reached
 * with Tab and moved along with the arrow keys (Home, End), as in the WAI-ARIA tabs pattern.
 */
export function RecordTabs({
  param,
  label,
  tabs,
}: {
  param: string
  label: string
  tabs: readonly (RecordTab | false)[]
}) {
  const [chosen, choose] = useUrlParam(param)
  const shown = tabs.filter((tab): tab is RecordTab => tab !== false)
  const current = shown.find((tab) => tab.value === chosen)?.value ?? shown[0]?.value ?? null
  return (
    <Tabs value={current} onChange={(value) => value && choose(value)} keepMounted={false}>
      <Tabs.List aria-label={label}>
        {shown.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {shown.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          <Stack gap="lg">{tab.content}</Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  )
}
