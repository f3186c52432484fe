import { defineArea } from '../area'
import { registersOf } from '../workbook/register-order'
import { contacts, members, roles } from './members-registers'
import { membersServices } from './services'
import { membersHandlers } from './members-handlers'

/** The members area: the handlers of its channels (shared/members/channels.ts), its registers. */
export const membersArea = defineArea({
  name: 'members',
  services: membersServices,
  handlers: membersHandlers,
  registers: registersOf(members, contacts, roles),
  invariants: [],
})
