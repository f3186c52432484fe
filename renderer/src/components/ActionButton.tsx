import { Button, type ButtonProps, Tooltip, VisuallyHidden } from '@mantine/core'
import { useId, type ReactNode } from 'react'
import { useEntriesClosed } from './page/entries-closed'

/**
 * A button whose action may be impossible for now (« Verser » before the city's agreement is
 * signed): then it is shown disabled, and says why on hover and focus and to screen readers,
 * instead of refusing only after a dialog was filled. Inside `EntriesClosed` (a closed agreement's
 * page), it is disabled with that reason too.
 */
export function ActionButton({
  unavailable,
  onClick,
  children,
  ...props
}: ButtonProps & {
  /** Why the action cannot be taken now; null or absent when it can. */
  unavailable?: string | null
  onClick?: () => void
  /** `submit` for the button that sends its form (an entry grid's « Ajouter »). */
  type?: 'button' | 'submit'
  'aria-label'?: string
  children: ReactNode
}) {
  const reasonId = useId()
  // A record closed to entries (a closed agreement) disables every action of its page.
  const closed = useEntriesClosed()
  const reason = unavailable ?? closed
  if (!reason) {
    return (
      <Button {...props} onClick={onClick}>
        {children}
      </Button>
    )
  }
  // Not `disabled`: a disabled button takes no focus nor hover, so its tooltip could not show.
  return (
    <>
      <Tooltip
        label={reason}
        withArrow
        multiline
        maw={320}
        events={{ hover: true, focus: true, touch: true }}
      >
        <Button
          {...props}
          data-disabled
          aria-disabled="true"
          aria-describedby={reasonId}
          onClick={(event) => event.preventDefault()}
        >
          {children}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
    </>
  )
}
