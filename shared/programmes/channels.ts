import { channel } from '../contract/channel'
import { type Programme, programmeInput, programmeListQuery, programmeUpdate } from './schema'
import { byId } from '../validation/fields'

/** The channels of the programmes area (see shared/contract/channels.ts). */
export const PROGRAMMES_CHANNELS = {
  'programmes.list': channel<Programme[]>()(programmeListQuery),
  'programmes.create': channel<Programme>()(programmeInput),
  'programmes.update': channel<Programme>()(programmeUpdate),
  'programmes.archive': channel<Programme>()(byId),
  'programmes.restore': channel<Programme>()(byId),
} as const
