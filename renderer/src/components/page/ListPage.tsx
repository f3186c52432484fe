import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { type Status, StatusMessage } from '../StatusMessage'

/**
 * The frame of a register's page: its title and what it holds, its main action, the page's
 * status line, then its filters, its table and what follows (the list itself is the page's).
 */
export function ListPage({
  title,
  subtitle,
  actions,
  status,
  onCloseStatus,
  children,
}: {
  title: ReactNode
  subtitle: ReactNode
  actions?: ReactNode
  status: Status | null
  onCloseStatus: () => void
  children: ReactNode
}) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{title}</Title>
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        </div>
        {actions}
      </Group>
      <StatusMessage status={status} onClose={onCloseStatus} />
      {children}
    </Stack>
  )
}
