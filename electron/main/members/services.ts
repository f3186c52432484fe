import { defineServices } from '../app/area-services'
import { MembersService } from './members-service'

/** What the members area adds to the session. */
export const membersServices = defineServices(({ file, today }) => ({
  members: new MembersService(file, today),
}))
