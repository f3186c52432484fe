import { Alert } from '@mantine/core'
import { useScrollIntoView } from '../lib/use-scroll-into-view'

/** A refusal that names no field of the form, shown above it, brought into view and announced. */
export function FormError({ message }: { message: string | null }) {
  const ref = useScrollIntoView<HTMLDivElement>(message)
  if (!message) return null
  return (
    <Alert color="red" role="alert" mb="sm" ref={ref} style={{ scrollMargin: 16 }}>
      {message}
    </Alert>
  )
}
