import { Anchor } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A dashboard figure as a link to the entries behind it: a button styled as a link, named for
 * screen readers by what it opens (the figure itself stays what is read first).
 */
export function FigureLink({
  label,
  onOpen,
  children,
}: {
  label: string
  onOpen: () => void
  children: ReactNode
}) {
  return (
    <Anchor component="button" size="sm" onClick={onOpen} title={label} aria-description={label}>
      {children}
    </Anchor>
  )
}
