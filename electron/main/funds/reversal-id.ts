import { createHash } from 'node:crypto'

/**
 * The id of the one reversal of an entry, derived from the entry's: a name-based UUID (RFC 9562
 * version 8), so two copies reversing the same entry offline write the same record.
 */
export function reversalId(entryId: string): string {
  const hex = createHash('sha256').update(`aimf:reversal:${entryId}`).digest('hex')
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
