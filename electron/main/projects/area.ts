import { defineArea } from '../area'
import { projectsHandlers } from './projects-handlers'

/** The projects area: the handlers of its channels (shared/projects/channels.ts). */
export const projectsArea = defineArea<'projects'>({
  name: 'projects',
  handlers: projectsHandlers,
})
