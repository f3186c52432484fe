/**
 * What the native menus ask the interface to do. Menus live in the main process; the interface
 * carries the command out through the ordinary channels, so a menu and a button do the same.
 */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.openDemo',
  'file.close',
  'language.changed',
  // Not a menu: the core's state changed on its own (an automatic backup failed or came back).
  'state.changed',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** The one IPC event the main process sends to the interface. */
export const MENU_EVENT = 'aimf:menu-command'

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}
