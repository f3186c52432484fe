/** The longest name most file systems accept (ext4, NTFS, APFS: 255 bytes or UTF-16 units). */
export const MAX_FILE_NAME_BYTES = 255

/**
 * Names Windows reserves for devices, with or without an extension ("NUL.pdf" opens the null
 * device, not a file). The superscript digits are reserved too.
 */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/**
 * Path separators of any system, the characters Windows refuses in a name (":" would also name
 * an alternate data stream), and control characters.
 */
// eslint-disable-next-line no-control-regex -- the point: a file name holds no control character
const FORBIDDEN_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/

/**
 * A plain file name: one entry of a folder, never a path. It names no other folder ("..", a
 * separator, a drive), no device, and the same file on every system the data may travel to
 * (Windows drops a trailing dot or space: "a.pdf." would be "a.pdf" there). Used for names the
 * application stores and later joins to one of its folders — a document's copy, a name received
 * from another copy of the file — so that the join can never leave the folder.
 */
export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || name === '.' || name === '..') return false
  if (new TextEncoder().encode(name).length > MAX_FILE_NAME_BYTES) return false
  if (FORBIDDEN_CHARACTERS.test(name)) return false
  if (/[. ]$/.test(name)) return false
  return !WINDOWS_DEVICE.test(name)
}
