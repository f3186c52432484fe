import type { z } from 'zod'
import { APP_CHANNELS } from '../app/channels'
import { ORGANISATION_CHANNELS } from '../organisation/channels'
import { FUNDERS_CHANNELS } from '../funders/channels'
import { PROGRAMMES_CHANNELS } from '../programmes/channels'
import { FUNDS_CHANNELS } from '../funds/channels'
import { MEMBERS_CHANNELS } from '../members/channels'
import { DUES_CHANNELS } from '../dues/channels'
import { PROJECTS_CHANNELS } from '../projects/channels'
import { BUDGET_CHANNELS } from '../budget/channels'
import { REPORTS_CHANNELS } from '../reports/channels'
import { WORKBOOK_CHANNELS } from '../workbook/channels'
import { BACKUP_CHANNELS } from '../backup/channels'
import { SYNC_CHANNELS } from '../sync/channels'
import { ACCOUNTING_CHANNELS } from '../accounting/channels'
import { HISTORY_CHANNELS } from '../history/channels'
import { CLOSING_CHANNELS } from '../closing/channels'

export type { Channel } from './channel'

/**
 * Every call the interface can make to the core: the whole contract between them. The main
 * process registers exactly these, the preload exposes exactly these, and nothing else crosses.
 * Each area declares its own map (`shared/<area>/channels.ts`); this is their union.
 */
export const CHANNELS = {
  ...APP_CHANNELS,
  ...ORGANISATION_CHANNELS,
  ...FUNDERS_CHANNELS,
  ...PROGRAMMES_CHANNELS,
  ...FUNDS_CHANNELS,
  ...MEMBERS_CHANNELS,
  ...DUES_CHANNELS,
  ...PROJECTS_CHANNELS,
  ...BUDGET_CHANNELS,
  ...REPORTS_CHANNELS,
  ...WORKBOOK_CHANNELS,
  ...BACKUP_CHANNELS,
  ...SYNC_CHANNELS,
  ...ACCOUNTING_CHANNELS,
  ...HISTORY_CHANNELS,
  ...CLOSING_CHANNELS,
} as const

export type Channels = typeof CHANNELS
export type ChannelName = keyof Channels
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[]

/** What the renderer passes (before defaults and trimming). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
/** What the handler receives (after validation). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = Exclude<Channels[C]['output'], undefined>

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value)
}
