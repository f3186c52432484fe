import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  encodeText,
  fieldText,
  type SingleByteEncoding,
} from '../../electron/main/accounting/text-encoding'

/** Windows-1252's bytes 0x80 to 0x9F (Node's own decoder reads them as Latin-1's controls). */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

const DECODERS: Record<SingleByteEncoding, (bytes: Buffer) => string> = {
  latin9: (bytes) => new TextDecoder('iso-8859-15').decode(bytes),
  cp1252: (bytes) =>
    [...bytes]
      .map((byte) =>
        byte >= 0x80 && byte < 0xa0 ? CP1252_80_9F.charAt(byte - 0x80) : String.fromCharCode(byte),
      )
      .join(''),
  ascii: (bytes) => bytes.toString('latin1'),
}

/** The characters each encoding holds: what its 256 (or 128) bytes decode to, but C1 controls. */
const HELD = Object.fromEntries(
  Object.entries(DECODERS).map(([encoding, decode]) => {
    const bytes = Buffer.from(Array.from({ length: encoding === 'ascii' ? 128 : 256 }, (_, i) => i))
    // C1 control characters are never written: they would only be noise in a label.
    const chars = [...decode(bytes)].filter(
      (c) => c.charCodeAt(0) < 0x80 || c.charCodeAt(0) >= 0xa0,
    )
    return [encoding, new Set(chars)]
  }),
) as Record<SingleByteEncoding, Set<string>>

/** Characters of the labels the books carry: cities, funders, expenses' descriptions. */
const LABEL_CHARS = [
  ...'aZ09 .-/()&;,',
  ...'éèêëàâçôûùïÉÈÀÇÔ',
  ...'ŒœŠšŽžŸ€',
  ...'’‘“”–—…\u202f\u00a0',
  ...'ßøåñÿ',
  ...'șțăŁł',
  ...'中😀',
  '\u0092',
  '¤',
  '\t',
  '\r\n',
]

describe('single-byte encodings of the accounting files', () => {
  it('writes each character as its encoding holds it, or a close equivalent, else "?"', () => {
    const text = 'Œuvre 1\u202f000 € – ș’a 中 ¤'
    expect(DECODERS.latin9(encodeText(text, 'latin9'))).toBe("Œuvre 1 000 € - s'a ? ?")
    expect([...encodeText('€Œ', 'latin9')]).toEqual([0xa4, 0xbc])
    expect(DECODERS.cp1252(encodeText(text, 'cp1252'))).toBe('Œuvre 1 000 € – s’a ? ¤')
    expect([...encodeText('€Œ’', 'cp1252')]).toEqual([0x80, 0x8c, 0x92])
    expect(encodeText(text, 'ascii').toString('latin1')).toBe("OEuvre 1 000 EUR - s'a ? ?")
    // A character outside the basic plane is one "?", not two.
    expect(encodeText('a😀b', 'latin9').toString('latin1')).toBe('a?b')
  })

  it('reads back every character its encoding holds, and one byte per character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LABEL_CHARS), { maxLength: 40 }).map((c) => c.join('')),
        fc.constantFrom<SingleByteEncoding>('latin9', 'cp1252', 'ascii'),
        (text, encoding) => {
          const bytes = encodeText(text, encoding)
          const back = DECODERS[encoding](bytes)
          if (encoding === 'ascii') expect(bytes.every((byte) => byte < 0x80)).toBe(true)
          // Each character the encoding holds is written as itself (the others stand in for
          // the ones it lacks).
          const holds = HELD[encoding]
          const kept = [...text].filter((char) => holds.has(char))
          for (const char of kept) expect(back).toContain(char)
          // …and what stands in for a character it lacks is plain ASCII, never another letter.
          for (const char of back) if (char >= '\u0080') expect(text).toContain(char)
          if (kept.length === [...text].length) expect(back).toBe(text)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps a field free of its separator and line breaks', () => {
    expect(fieldText(' Atelier\t« eau »;\r\nDakar ', ';')).toBe('Atelier « eau »  Dakar')
    expect(fieldText('Atelier\teau', '\t')).toBe('Atelier eau')
    expect(fieldText(' Atelier ', ';')).toBe('Atelier')
    expect(fieldText(null, ';')).toBe('')
  })
})
