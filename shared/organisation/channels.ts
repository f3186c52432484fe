import { channel, none } from '../contract/channel'
import type { Organisation } from './schema'
import { organisationInput } from './schema'

/** The channels of the organisation area (see shared/contract/channels.ts). */
export const ORGANISATION_CHANNELS = {
  'organisation.get': channel<Organisation>()(none),
  'organisation.update': channel<Organisation>()(organisationInput),
  'organisation.chooseLogo': channel<Organisation>()(none),
  'organisation.removeLogo': channel<Organisation>()(none),
} as const
