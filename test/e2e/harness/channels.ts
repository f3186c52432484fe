import type { AppCore } from '../../../electron/main/app/app-core'
import { createDispatcher } from '../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../electron/main/ipc/handlers'
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract/channels'

/** A channel called as the interface calls it, its value returned, its refusal thrown. */
export type Call = <C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<ChannelOutput<C>>

/** The core's channels, called as the interface calls them, to set a scene up. */
export function channels(core: AppCore): Call {
  const dispatch = createDispatcher(createHandlers(core), () => core.language())
  return async (channel, input) => {
    const result = await dispatch(channel, input)
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
    return result.value as never
  }
}

/** The dues scale of `year`: every city owes 1 320 €. */
export async function cityDuesScale(call: Call, year: number) {
  return call('dues.saveScale', {
    year,
    bands: [
      { memberKind: 'city', populationFrom: 0, amount: '1320', currency: 'EUR', label: 'Ville' },
    ],
  })
}

/** The Commune de Lomé, a city called for its dues of 1 320 € for `year` (due 31 March). */
export async function lomeCalledForDues(call: Call, year: number) {
  await cityDuesScale(call, year)
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Commune de Lomé',
    country: 'TG',
    status: 'active',
  })
  await call('dues.generateCalls', { year, calledOn: `${year}-01-15`, dueOn: `${year}-03-31` })
  return lome
}

/** The European Union as a funder (multilateral, in euros). */
export function euFunder(call: Call) {
  return call('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
}

/** The EU's peace agreement of `year` (830 000 €, three years, tied to essential services). */
export async function euPeaceAgreement(call: Call, year: number) {
  const funder = await euFunder(call)
  const agreement = await call('agreements.create', {
    funderId: funder.id,
    reference: `UE-${year}-PAIX`,
    title: 'Consolidation de la paix',
    signedOn: `${year}-01-10`,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 2}-12-31`,
    currency: 'EUR',
    amount: '830000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'operating',
  })
  return { funder, agreement }
}
