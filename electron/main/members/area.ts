import { defineArea } from '../area'
import { membersHandlers } from './members-handlers'

/** The members area: the handlers of its channels (shared/members/channels.ts). */
export const membersArea = defineArea<'members'>({
  name: 'members',
  handlers: membersHandlers,
})
