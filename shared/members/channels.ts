import { channel } from '../contract/channel'
import { byId } from '../validation/fields'
import type { MemberAccount } from '../dues/schema'
import { memberContactInput, memberRoleInput } from '../dues/schema'
import type { Member } from './schema'
import { memberInput, memberListQuery, memberUpdate } from './schema'

/** The channels of the members area (see shared/contract/channels.ts). */
export const MEMBERS_CHANNELS = {
  'members.list': channel<Member[]>()(memberListQuery),
  'members.get': channel<Member>()(byId),
  'members.create': channel<Member>()(memberInput),
  'members.update': channel<Member>()(memberUpdate),
  'members.archive': channel<Member>()(byId),
  'members.restore': channel<Member>()(byId),
  'members.account': channel<MemberAccount>()(byId),
  'members.addRole': channel<MemberAccount>()(memberRoleInput),
  'members.removeRole': channel<MemberAccount>()(byId),
  'members.addContact': channel<MemberAccount>()(memberContactInput),
  'members.removeContact': channel<MemberAccount>()(byId),
} as const
