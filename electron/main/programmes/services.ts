import { type ProvidedBy, defineServices } from '../app/area-services'
import { ProgrammesService } from './programmes-service'

/** What the programmes area adds to the session. */
export const programmesServices = defineServices(({ file }) => ({
  programmes: new ProgrammesService(file),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof programmesServices> {}
}
