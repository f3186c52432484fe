import { defineArea } from '../area'
import { membersServices } from './services'
import { membersHandlers } from './members-handlers'

/** The members area: the handlers of its channels (shared/members/channels.ts). */
export const membersArea = defineArea({
  name: 'members',
  services: membersServices,
  handlers: membersHandlers,
})
