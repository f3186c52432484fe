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

/** Encodes text in a single-byte encoding, replacing what it cannot hold. */
export function encodeText(text: string, encoding: SingleByteEncoding): Buffer {
  const bytes = Buffer.allocUnsafe(text.length * 3)
  let length = 0
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      bytes[length++] = code
      continue
    }
    // A character outside the basic plane is two code units: taken whole.
    const wide = code >= 0xd800 && code < 0xdc00 && index + 1 < text.length
    const char = wide ? text.slice(index, index + 2) : text.charAt(index)
    if (wide) index += 1
    const byte = byteOf(char, encoding)
    if (byte !== null) {
      bytes[length++] = byte
      continue
    }
    for (const part of representable(char, encoding)) {
      bytes[length++] = byteOf(part, encoding) ?? 0x3f
    }
  }
  return bytes.subarray(0, length)
}

/** A text field of a delimited file: no separator, quote or line break inside it. */
export function fieldText(text: string | null | undefined, separator: string): string {
  if (!text) return ''
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .split(separator)
    .join(' ')
    .trim()
}
