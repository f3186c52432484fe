import { Alert } from '@mantine/core'

/** A refusal that names no field of the form, shown above it and announced. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <Alert color="red" role="alert" mb="sm">
      {message}
    </Alert>
  )
}
