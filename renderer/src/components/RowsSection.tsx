import { Button, Group, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormError } from './FormError'

/**
 * A record's rows of one kind (a member's contacts, its seats in the bodies): a titled table,
 * each row with its remove button, and below it the form that adds one.
 */
export function RowsSection<Row extends { id: string }>({
  id,
  title,
  empty,
  rows,
  cells,
  removeLabel,
  onRemove,
  addLabel,
  formError,
  onSubmit,
  children,
}: {
  /** The id the section is labelled by. */
  id: string
  title: string
  empty: string
  rows: readonly Row[]
  /** A row's cells, in the order of the form's fields. */
  cells: (row: Row) => ReactNode
  removeLabel: string
  onRemove: (row: Row) => void
  addLabel: string
  formError: string | null
  onSubmit: () => void
  /** The add form's fields. */
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table withTableBorder aria-label={title}>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-record-id={row.id}>
                {cells(row)}
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onRemove(row)}
                  >
                    {removeLabel}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
        noValidate
        aria-label={addLabel}
      >
        <FormError message={formError} />
        <Group align="flex-end" mt="sm">
          {children}
          <Button type="submit" variant="light">
            {addLabel}
          </Button>
        </Group>
      </form>
    </section>
  )
}
