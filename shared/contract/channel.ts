import { z } from 'zod'

/**
 * A channel: the schema its input must satisfy (checked in the main process, whatever the
 * renderer sent) and, as a type only, what it returns.
 */
export interface Channel<Input extends z.ZodType, Output> {
  readonly input: Input
  readonly output?: Output
}

/** `channel<Output>()(inputSchema)`: a channel of the contract, in an area's map. */
export function channel<Output>() {
  return <Input extends z.ZodType>(input: Input): Channel<Input, Output> => ({ input })
}

/** The input of a channel that takes none. */
export const none = z.strictObject({})
