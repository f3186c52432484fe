import { type ButtonProps } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { ActionButton } from '../ActionButton'
import { FormDrawer } from './FormDrawer'
import { useEntriesClosed } from './entries-closed'

/**
 * An entry form opened on demand: a button, and the form in a dialog (or a drawer) once it is
 * pressed, never always open on the page. On a record that takes no more entries (a closed
 * project, an archived agreement) the button stays, disabled, saying why, and the form is never
 * drawn. The form is given `close`, to call once it has saved.
 */
export function EntryButton({
  label,
  title,
  unavailable,
  kind = 'dialog',
  size = 'lg',
  variant = 'light',
  buttonSize,
  children,
}: {
  label: string
  title?: ReactNode
  /** Why no entry can be made now; null or absent when it can. */
  unavailable?: string | null
  kind?: 'drawer' | 'dialog'
  size?: 'md' | 'lg' | 'xl'
  variant?: ButtonProps['variant']
  buttonSize?: ButtonProps['size']
  children: (close: () => void) => ReactNode
}) {
  const [opened, setOpened] = useState(false)
  const closed = useEntriesClosed()
  const close = () => setOpened(false)
  return (
    <>
      <ActionButton
        variant={variant}
        size={buttonSize}
        w="fit-content"
        unavailable={unavailable}
        onClick={() => setOpened(true)}
      >
        {label}
      </ActionButton>
      <FormDrawer
        kind={kind}
        size={size}
        opened={opened && !(unavailable ?? closed)}
        onClose={close}
        title={title ?? label}
      >
        {children(close)}
      </FormDrawer>
    </>
  )
}
