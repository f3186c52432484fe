import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { type Status, StatusMessage } from '../StatusMessage'
import { Term } from '../Term'

/**
 * The frame of one record's page: the way back to its list, its header (title, what it is,
 * badges, actions), the page's status line, then its sections.
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
