import { channel } from '../contract/channel'
import type { FunderAccount } from './account'
import type { Funder } from './schema'
import { funderInput, funderListQuery, funderUpdate } from './schema'
import { byId } from '../validation/fields'

/** The channels of the funders area (see shared/contract/channels.ts). */
export const FUNDERS_CHANNELS = {
  'funders.list': channel<Funder[]>()(funderListQuery),
  'funders.get': channel<Funder>()(byId),
  'funders.account': channel<FunderAccount>()(byId),
  'funders.create': channel<Funder>()(funderInput),
  'funders.update': channel<Funder>()(funderUpdate),
  'funders.archive': channel<Funder>()(byId),
  'funders.restore': channel<Funder>()(byId),
} as const
