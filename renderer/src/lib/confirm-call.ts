import { create } from 'zustand'
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract/channels'
import type { FieldError } from '@shared/contract/errors'
import { ApiError, call } from './api'
import i18next from 'i18next'

/** The channels whose input takes `confirmed`: the money forms the core checks for plausibility. */
type Confirmable = {
  [C in ChannelName]: 'confirmed' extends keyof ChannelInput<C> ? C : never
}[ChannelName]

interface PendingConfirmation {
  warnings: FieldError[]
  answer: (confirmed: boolean) => void
}

/** The one plausibility question open, shown by PlausibilityDialog wherever the form is. */
export const usePlausibility = create<{ pending: PendingConfirmation | null }>(() => ({
  pending: null,
}))

function ask(warnings: FieldError[]): Promise<boolean> {
  return new Promise((resolve) => {
    usePlausibility.setState({
      pending: {
        warnings,
        answer: (confirmed) => {
          usePlausibility.setState({ pending: null })
          resolve(confirmed)
        },
      },
    })
  })
}

/**
 * Calls a money channel; when the core answers that something is unlikely (a date in 2031, five
 * million for a call of 1 320 €), asks the user with the figures and sends again only on
 * « Confirmer ». Declined, it fails as CANCELLED saying that nothing was saved.
 */
export async function callConfirming<C extends Confirmable>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  try {
    return await call(channel, input)
  } catch (failure) {
    if (!(failure instanceof ApiError) || failure.error.code !== 'NEEDS_CONFIRMATION') throw failure
    if (!(await ask(failure.error.warnings ?? []))) {
      throw new ApiError({ code: 'CANCELLED', message: i18next.t('plausibility.declined') })
    }
    return call(channel, { ...input, confirmed: true })
  }
}
