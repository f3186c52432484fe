import { type ProvidedBy, defineServices } from '../app/area-services'
import { MembersService } from './members-service'

/** What the members area adds to the session. */
export const membersServices = defineServices(({ file, today }) => ({
  members: new MembersService(file, today),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof membersServices> {}
}
