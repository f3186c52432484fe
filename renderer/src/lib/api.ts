import type { Api } from '@shared/contract/bridge'
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract/channels'
import type { AppError, Result } from '@shared/contract/errors'

declare global {
  interface Window {
    /** Set by the preload (or the end-to-end harness): the only door to the core. */
    readonly api: Api
  }
}

/** A refusal of the core, carried as an exception inside the interface's own code. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'ApiError'
  }
}

/** Calls a channel and returns its value, or throws an {@link ApiError} with the core's message. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const invoke = window.api[channel] as unknown as (
    input: ChannelInput<C>,
  ) => Promise<Result<ChannelOutput<C>>>
  const result = await invoke(input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value as ChannelOutput<C>
}

/** The message to show for any failure: the core's, or a generic one for the unexpected. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.error.message : fallback
}

export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.error.code === 'CANCELLED'
}
