import { Readable } from 'node:stream'
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib'

/** Why a package cannot be read: not a zip, damaged, or beyond what an import takes. */
export class PackageRefusal extends Error {
  constructor(
    readonly reason: 'notZip' | 'damaged' | 'tooLarge',
    /** The part concerned, when one is ("xl/worksheets/sheet3.xml"). */
    readonly part: string | null = null,
  ) {
    super(`${reason}${part ? `: ${part}` : ''}`)
    this.name = 'PackageRefusal'
  }
}

interface ZipEntry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

/** What a package may hold before it is refused unread: counts and sizes once decompressed. */
export interface PackageBounds {
  maxEntries: number
  /** The largest part, decompressed. */
  maxPartBytes: number
  /** All parts together, decompressed. */
  maxTotalBytes: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
/** A zip64 package marks its sizes and offsets so: no workbook an import takes needs one. */
const ZIP64_MARK = 0xffffffff

/**
 * An xlsx package (a zip) read from its central directory, without decompressing anything:
 * the parts' names and declared sizes are known, and refused beyond the bounds, before a byte
 * of a sheet is read. A part is then decompressed on demand, its output counted as it comes
 * (a declared size can lie) and its CRC checked.
 */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>()
  private streamed = 0

  private constructor(
    private readonly bytes: Buffer,
    private readonly bounds: PackageBounds,
  ) {}

  static open(bytes: Buffer, bounds: PackageBounds): ZipPackage {
    const zip = new ZipPackage(bytes, bounds)
    zip.readCentralDirectory()
    return zip
  }

  /** Whether the package has a part; part names are compared without case, as OOXML says. */
  has(name: string): boolean {
    return this.entries.has(partKey(name))
  }

  /** A small part whole, as text (the workbook, its relations, styles, shared strings). */
  text(name: string): string {
    const entry = this.entry(name)
    const data = this.compressed(entry)
    let output: Buffer
    try {
      output =
        entry.method === 0
          ? data
          : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) })
    } catch {
      throw new PackageRefusal('damaged', entry.name)
    }
    if (output.length !== entry.size || crc32(output) >>> 0 !== entry.crc)
      throw new PackageRefusal('damaged', entry.name)
    return output.toString('utf8')
  }

  /**
   * A part as text, a chunk at a time: a sheet of 200,000 rows is never held whole. Stopping
   * the iteration early stops the decompression.
   */
  async *textChunks(name: string): AsyncGenerator<string> {
    const entry = this.entry(name)
    const data = this.compressed(entry)
    const source = Readable.from(chunksOf(data))
    const output = entry.method === 0 ? source : source.pipe(createInflateRaw())
    const decoder = new TextDecoder('utf-8')
    let size = 0
    let crc = 0
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        size += chunk.length
        this.streamed += chunk.length
        // The declared size is checked up front; what the data really inflates to, here.
        if (size > entry.size) throw new PackageRefusal('damaged', entry.name)
        if (this.streamed > this.bounds.maxTotalBytes)
          throw new PackageRefusal('tooLarge', entry.name)
        crc = crc32(chunk, crc)
        yield decoder.decode(chunk, { stream: true })
      }
    } catch (error) {
      if (error instanceof PackageRefusal) throw error
      throw new PackageRefusal('damaged', entry.name)
    } finally {
      source.destroy()
      if (output !== source) output.destroy()
    }
    if (size !== entry.size || crc >>> 0 !== entry.crc)
      throw new PackageRefusal('damaged', entry.name)
    const rest = decoder.decode()
    if (rest) yield rest
  }

  private entry(name: string): ZipEntry {
    const entry = this.entries.get(partKey(name))
    if (!entry) throw new PackageRefusal('damaged', name)
    return entry
  }

  private compressed(entry: ZipEntry): Buffer {
    const at = entry.localOffset
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_SIGNATURE)
      throw new PackageRefusal('damaged', entry.name)
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28)
    const end = start + entry.compressedSize
    if (end > this.bytes.length) throw new PackageRefusal('damaged', entry.name)
    return this.bytes.subarray(start, end)
  }

  private readCentralDirectory(): void {
    const bytes = this.bytes
    const eocd = findEndOfCentralDirectory(bytes)
    const count = bytes.readUInt16LE(eocd + 10)
    const size = bytes.readUInt32LE(eocd + 12)
    const offset = bytes.readUInt32LE(eocd + 16)
    if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK)
      throw new PackageRefusal('tooLarge')
    if (count > this.bounds.maxEntries) throw new PackageRefusal('tooLarge')
    if (offset + size > eocd) throw new PackageRefusal('damaged')
    let at = offset
    let total = 0
    for (let index = 0; index < count; index += 1) {
      if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE)
        throw new PackageRefusal('damaged')
      const nameLength = bytes.readUInt16LE(at + 28)
      const entry: ZipEntry = {
        method: bytes.readUInt16LE(at + 10),
        crc: bytes.readUInt32LE(at + 16),
        compressedSize: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        localOffset: bytes.readUInt32LE(at + 42),
        name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      }
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
      if (entry.name.endsWith('/')) continue
      if ([entry.size, entry.compressedSize, entry.localOffset].includes(ZIP64_MARK))
        throw new PackageRefusal('tooLarge', entry.name)
      if (entry.method !== 0 && entry.method !== 8) throw new PackageRefusal('damaged', entry.name)
      if (entry.size > this.bounds.maxPartBytes) throw new PackageRefusal('tooLarge', entry.name)
      total += entry.size
      if (total > this.bounds.maxTotalBytes) throw new PackageRefusal('tooLarge', entry.name)
      // A part listed twice is not a package any program wrote: which one is meant is unknown.
      if (this.entries.has(partKey(entry.name))) throw new PackageRefusal('damaged', entry.name)
      this.entries.set(partKey(entry.name), entry)
    }
  }
}

function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase()
}

/** The end-of-central-directory record: in the last 64 KiB, after an optional comment. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at
  }
  throw new PackageRefusal('notZip')
}

/** The compressed data in slices, so that inflating waits for its reader. */
function* chunksOf(data: Buffer): Generator<Buffer> {
  for (let start = 0; start < data.length; start += 64 * 1024)
    yield data.subarray(start, start + 64 * 1024)
}
