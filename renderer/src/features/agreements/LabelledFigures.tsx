import { Table } from '@mantine/core'
import type { ReactNode } from 'react'

/** A figure beside its label: an amount, a rate. */
export type LabelledFigure = readonly [label: string, figure: ReactNode]

/** A short table of labelled figures, right-aligned (an agreement's conversion, its overhead). */
export function LabelledFigures({
  label,
  figures,
  mb,
}: {
  /** The table's accessible name. */
  label: string
  figures: readonly LabelledFigure[]
  mb?: string
}) {
  return (
    <Table maw={640} aria-label={label} mb={mb}>
      <Table.Tbody>
        {figures.map(([name, figure]) => (
          <Table.Tr key={name}>
            <Table.Td>{name}</Table.Td>
            <Table.Td ta="right">{figure}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
