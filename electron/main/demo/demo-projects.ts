import type { DemoProject } from './projects/demo-project'
import { CURRENT } from './projects/current'
import { EU_ACTIONS } from './projects/eu-actions'
import { GATES_PILOTS } from './projects/gates-pilots'
import { RWANDA } from './projects/rwanda'

/** Every demo project (projects/: one file per programme or period), in the order they are written. */
export const DEMO_PROJECTS: DemoProject[] = [...EU_ACTIONS, ...GATES_PILOTS, ...RWANDA, ...CURRENT]
