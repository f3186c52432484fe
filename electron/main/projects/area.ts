import { defineArea } from '../area'
import { projectsServices } from './services'
import { projectsHandlers } from './projects-handlers'

/** The projects area: the handlers of its channels (shared/projects/channels.ts). */
export const projectsArea = defineArea({
  name: 'projects',
  services: projectsServices,
  handlers: projectsHandlers,
})
