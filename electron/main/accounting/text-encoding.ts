/**
 * The single-byte encodings accounting files are read in: ISO 8859-15 for the FEC (what article
 * A47 A-1 of the LPF allows besides ASCII), Windows-1252 for the software of Windows desktops,
 * plain ASCII for fixed-width formats. A character an encoding lacks is written without its
 * accent, or as a close equivalent, else "?": a file never fails for a city's name.
 */
export type SingleByteEncoding = 'latin9' | 'cp1252' | 'ascii'

const LATIN9_SPECIAL: Record<string, number> = {
  '€': 0xa4,
  Š: 0xa6,
  š: 0xa8,
  Ž: 0xb4,
  ž: 0xb8,
  Œ: 0xbc,
  œ: 0xbd,
  Ÿ: 0xbe,
}
/** The Latin-1 characters whose places ISO 8859-15 gave to the ones above. */
const LATIN9_REPLACED = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe])

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const CP1252_SPECIAL: Record<string, number> = {}
for (const [index, char] of [...CP1252_HIGH].entries()) {
  if (char.charCodeAt(0) >= 0x100) CP1252_SPECIAL[char] = 0x80 + index
}

/** Close equivalents of characters outside the single-byte sets (typographic quotes, dashes…). */
const EQUIVALENTS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u202f': ' ',
  '\u2009': ' ',
  '•': '-',
  Œ: 'OE',
  œ: 'oe',
  '€': 'EUR',
}

function byteOf(char: string, encoding: SingleByteEncoding): number | null {
  const code = char.charCodeAt(0)
  if (code < 0x80) return code
  if (encoding === 'ascii') return null
  if (encoding === 'latin9') {
    const special = LATIN9_SPECIAL[char]
    if (special !== undefined) return special
    return code >= 0xa0 && code < 0x100 && !LATIN9_REPLACED.has(code) ? code : null
  }
  const special = CP1252_SPECIAL[char]
  if (special !== undefined) return special
  return code >= 0xa0 && code < 0x100 ? code : null
}

/**
 * The text with every character the encoding lacks replaced: by its letter without accent, a
 * close equivalent, else "?". Each character of the result is one byte of the encoding.
 */
export function representable(text: string, encoding: SingleByteEncoding): string {
  let out = ''
  const put = (char: string, depth: number) => {
    if (byteOf(char, encoding) !== null) {
      out += char
      return
    }
    const equivalent = depth === 0 ? EQUIVALENTS[char] : undefined
    const plain = equivalent ?? char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    if (depth > 0 || plain === char || plain === '') {
      out += '?'
      return
    }
    for (const part of plain) put(part, depth + 1)
  }
  for (const char of text) put(char, 0)
  return out
}

/**
 * The characters each encoding holds at their own code (so Latin-1's byte is theirs): ASCII, and
 * Latin-1 from U+00A0 — but, for ISO 8859-15, the eight places it gave to €, Š, š, Ž, ž, Œ, œ, Ÿ.
 */
/* eslint-disable no-control-regex -- ASCII's control characters are held by every encoding */
const OUTSIDE: Record<SingleByteEncoding, RegExp> = {
  latin9: /[^\x00-\x7f\xa0-\xa3\xa5\xa7\xa9-\xb3\xb5-\xb7\xb9-\xbb\xbf-\xff]/gu,
  cp1252: /[^\x00-\x7f\xa0-\xff]/gu,
  ascii: /[^\x00-\x7f]/gu,
}
/* eslint-enable no-control-regex */

/** A character outside the encoding's Latin-1 range, as the Latin-1 characters of its bytes. */
function asLatin1Bytes(char: string, encoding: SingleByteEncoding): string {
  const byte = byteOf(char, encoding)
  if (byte !== null) return String.fromCharCode(byte)
  let out = ''
  for (const part of representable(char, encoding)) {
    out += String.fromCharCode(byteOf(part, encoding) ?? 0x3f)
  }
  return out
}

/**
 * Encodes text in a single-byte encoding, replacing what it cannot hold. Only the characters
 * outside the Latin-1 range the encoding shares are looked at one by one (a whole year's FEC is
 * a few megabytes, nearly all of it ASCII); the rest is written by Buffer's own Latin-1 encoder.
 */
export function encodeText(text: string, encoding: SingleByteEncoding): Buffer {
  return Buffer.from(
    text.replace(OUTSIDE[encoding], (char) => asLatin1Bytes(char, encoding)),
    'latin1',
  )
}

const FIELD_BREAKS = /[\r\n\t]+/g

/** A text field of a delimited file: no separator, quote or line break inside it. */
export function fieldText(text: string | null | undefined, separator: string): string {
  if (!text) return ''
  // Nearly every label has none of them: it is only trimmed.
  if (!/[\r\n\t]/.test(text) && !text.includes(separator)) return text.trim()
  return text.replace(FIELD_BREAKS, ' ').split(separator).join(' ').trim()
}
