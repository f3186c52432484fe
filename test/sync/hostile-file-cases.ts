import { execFile } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, symlink, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { encodeChangeFile } from '../../electron/main/sync/change-file'
import { formatHlc, parseHlc } from '@shared/sync/stamps'
import {
  FILE,
  type HostileCase,
  type Place,
  find,
  stampAfter,
  writeBytes,
  writeChanges,
} from './hostile-frame'

const run = promisify(execFile)

/** Files that are not change files of this dataset, or not files at all. */
export function fileCases(): HostileCase[] {
  const raw = (label: string, bytes: (at: Place) => Buffer): HostileCase => ({
    label,
    setAside: true,
    place: (at) => writeBytes(at, bytes(at)),
  })
  const digestOf = (body: Buffer) => createHash('sha256').update(body).digest('hex')
  const framed = (body: Buffer) =>
    Buffer.concat([Buffer.from(`AIMF-CHANGES-1 ${digestOf(body)}\n`), body])
  return [
    raw('a truncated file', (at) => {
      const bytes = encodeChangeFile({
        datasetId: at.datasetId,
        replicaId: at.sender,
        schemaVersion: 1,
        changes: at.changes,
      })
      return bytes.subarray(0, bytes.length - 20)
    }),
    raw('not a change file', () => Buffer.from('PK\u0003\u0004 un classeur')),
    raw('gzip that is not JSON', () => framed(gzipSync(Buffer.from('pas du JSON')))),
    raw('JSON that is not a change file', () => framed(gzipSync(Buffer.from('{"a":1}')))),
    raw('changes that are not objects', (at) =>
      framed(
        gzipSync(
          Buffer.from(
            JSON.stringify({
              datasetId: at.datasetId,
              replicaId: at.sender,
              schemaVersion: 1,
              changes: [1, 'x', null],
            }),
          ),
        ),
      ),
    ),
    raw('more changes than a file may hold', (at) =>
      framed(
        gzipSync(
          Buffer.from(
            `{"datasetId":"${at.datasetId}","replicaId":"${at.sender}","schemaVersion":1,"changes":[${'0,'.repeat(500_000)}0]}`,
          ),
        ),
      ),
    ),
    raw('a small file that inflates beyond the bound (a zip bomb)', () =>
      framed(gzipSync(Buffer.alloc(330 * 1024 * 1024, 0x20), { level: 9 })),
    ),
    {
      label: 'another dataset',
      setAside: true,
      place: (at) => writeChanges(at, at.changes, { datasetId: 'ffffffffffffffff' }),
    },
    {
      label: 'a newer schema',
      setAside: true,
      place: (at) => writeChanges(at, at.changes, { schemaVersion: 99 }),
    },
    {
      label: 'a file saying it is another copy’s',
      setAside: true,
      place: (at) => writeChanges(at, at.changes, { replicaId: at.witness }),
    },
    {
      label: 'a link to /dev/zero',
      setAside: true,
      place: async (at) => {
        await mkdir(join(at.root, at.sender), { recursive: true })
        await symlink('/dev/zero', join(at.root, at.sender, FILE))
        return `${at.sender}/${FILE}`
      },
    },
    {
      label: 'a named pipe (FIFO) no one writes to',
      setAside: true,
      place: async (at) => {
        await mkdir(join(at.root, at.sender), { recursive: true })
        await run('mkfifo', [join(at.root, at.sender, FILE)])
        return `${at.sender}/${FILE}`
      },
    },
    {
      label: 'a folder named as a change file',
      setAside: true,
      place: async (at) => {
        await mkdir(join(at.root, at.sender, FILE), { recursive: true })
        return `${at.sender}/${FILE}`
      },
    },
    {
      label: 'a file of 200 MB',
      setAside: true,
      place: async (at) => {
        const name = await writeBytes(at, Buffer.from('AIMF-CHANGES-1 00\n'))
        await truncate(join(at.root, name), 200 * 1024 * 1024)
        return name
      },
    },
    {
      label: '200,000 updates of records this copy never had',
      setAside: true,
      place: (at) => {
        const model = find(at, (c) => c.op === 'update')
        const millis = parseHlc(stampAfter(at)).millis
        const changes = Array.from({ length: 200_000 }, (_, n) => ({
          ...model,
          hlc: formatHlc({ millis: millis + Math.floor(n / 1000), counter: n % 1000 }, at.sender),
          row_id: randomUUID(),
        }))
        return writeChanges(at, changes)
      },
    },
  ]
}
