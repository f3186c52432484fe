import { defineServices } from '../app/area-services'
import { ProgrammesService } from './programmes-service'

/** What the programmes area adds to the session. */
export const programmesServices = defineServices(({ file }) => ({
  programmes: new ProgrammesService(file),
}))
