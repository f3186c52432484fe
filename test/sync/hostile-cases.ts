import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { type ChangeRow, encodeChangeFile } from '../../electron/main/sync/change-file'
import { formatHlc, parseHlc } from '@shared/sync/stamps'

const run = promisify(execFile)

/** Where a case writes its file: the dataset's folder of the shared folder, and who is who. */
export interface Place {
  root: string
  datasetId: string
  /** The mission laptop, whose real changes the cases start from. */
  sender: string
  /** The copy that receives (its identity is its own in each case). */
  receiver: string
  /** Another laptop, whose folder a case may pretend to be. */
  witness: string
  /** The mission's real changes, a copy for this case. */
  changes: ChangeRow[]
}

export interface HostileCase {
  label: string
  /** A class the rules refuse: the file must be set aside (random mutations may go in). */
  setAside: boolean
  /** Writes the file (a link, a pipe…) and answers its name as the sync reports it. */
  place(at: Place): Promise<string>
}

const FILE = '000000000900-000000000999.aimfsync'

/** Writes changes as a change file of a copy's folder. */
export async function writeChanges(
  at: Place,
  changes: readonly unknown[],
  options: { folder?: string; replicaId?: string; datasetId?: string; schemaVersion?: number } = {},
): Promise<string> {
  const folder = options.folder ?? at.sender
  const bytes = encodeChangeFile({
    datasetId: options.datasetId ?? at.datasetId,
    replicaId: options.replicaId ?? folder,
    schemaVersion: options.schemaVersion ?? 1,
    changes: changes as ChangeRow[],
  })
  return writeBytes(at, bytes, folder)
}

async function writeBytes(at: Place, bytes: Buffer, folder = at.sender): Promise<string> {
  await mkdir(join(at.root, folder), { recursive: true })
  await writeFile(join(at.root, folder, FILE), bytes)
  return `${folder}/${FILE}`
}

/** A new stamp of the sender, after every stamp of its file. */
export function stampAfter(at: Place, step = 1, replica = at.sender): string {
  const latest = at.changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), '')
  return formatHlc({ millis: parseHlc(latest).millis + step, counter: 0 }, replica)
}

/** The first change that fits, to be changed by a case. */
export function find(
  at: Place,
  test: (change: ChangeRow, value: Record<string, unknown>) => boolean,
) {
  const change = at.changes.find((c) => test(c, valueOf(c)))
  if (!change) throw new Error('The mission’s file has no such change')
  return change
}

export function valueOf(change: ChangeRow): Record<string, unknown> {
  const value = JSON.parse(change.new_value ?? 'null') as unknown
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

/** Changes one field of an insert's values. */
function setField(change: ChangeRow, field: string, value: unknown): void {
  change.new_value = JSON.stringify({ ...valueOf(change), [field]: value })
}

const inserts = (table: string) => (c: ChangeRow) => c.table_name === table && c.op === 'insert'

/** A change the mission never made, stamped after its others, of the same transaction shape. */
function newChange(at: Place, fields: Partial<ChangeRow>, step = 1): ChangeRow {
  const model = at.changes.at(-1) as ChangeRow
  return {
    ...model,
    hlc: stampAfter(at, step),
    tx_id: randomUUID(),
    row_id: randomUUID(),
    old_value: null,
    ...fields,
  }
}

/** Changes the mission's changes in place, or answers the changes to write instead. */
type Mutation = (at: Place) => unknown

/** A case that mutates the mission's changes and writes them as its file. */
function mutated(label: string, mutation: Mutation): HostileCase {
  return {
    label,
    setAside: true,
    place: async (at) => {
      const changes = mutation(at)
      return writeChanges(at, Array.isArray(changes) ? changes : at.changes)
    },
  }
}

const receipt = (at: Place) =>
  find(at, (c, v) => inserts('receipts')(c) && v.amount_minor === 4_000_000)
const entryOf = (at: Place, source: string) =>
  find(at, (c, v) => inserts('ledger_entries')(c) && v.source_id === source)

/** Values a column must never receive, each with what it breaks. */
const BAD_VALUES: readonly [string, string, string, unknown][] = [
  ['receipts', 'amount_minor', '1.5 in an amount', 1.5],
  ['receipts', 'amount_minor', 'text in an integer column', 'mille'],
  ['receipts', 'amount_minor', 'a negative receipt', -100],
  ['receipts', 'amount_minor', 'beyond 2^53', 2 ** 60],
  ['receipts', 'received_on', 'a date that does not exist', '2026-02-30'],
  ['receipts', 'currency', 'an unknown currency', 'XXX'],
  ['receipts', 'rate', 'a rate of zero', '0'],
  ['receipts', 'rate', 'a rate in exponent form', '1e3'],
  ['receipts', 'note', 'an object in a text column', { a: 1 }],
  ['receipts', 'note', 'an array in a text column', [1, 2]],
  ['receipts', 'note', 'a boolean', true],
  ['receipts', 'note', 'control characters', 'a\u0000b'],
  ['receipts', 'note', 'a text of 200,000 characters', 'x'.repeat(200_000)],
  ['receipts', 'agreement_id', 'a reference that is not an id', 'SUBV-FR-2026'],
  [
    'receipts',
    'agreement_id',
    'a reference to no agreement',
    '01900000-0000-7000-8000-000000000000',
  ],
  ['funders', 'kind', 'a kind no form offers', 'pirate'],
  ['funders', 'name', 'a blank name', '   '],
  ['funders', 'name', 'no name', null],
  ['funders', 'country', 'an unknown country', 'ZZ'],
  ['agreements', 'earmarking', 'an earmarking outside the list', 'secret'],
  ['agreements', 'operating_share_bp', 'a share above 100 %', 20_000],
  ['projects', 'sector_code', 'an unknown sector', '99999'],
  ['projects', 'programme', 'no programme code (a name, spaces, capitals)', 'Casino du port'],
  ['tranches', 'number', 'a number in words', 'un'],
  ['members', 'population_year', 'a census in the year 20000', 20_000],
]

/** The classes of the issue, each refused whatever the rest of the file. */
export function targetedCases(): HostileCase[] {
  const cases: HostileCase[] = BAD_VALUES.map(([table, column, label, value]) =>
    mutated(label, (at) => setField(find(at, inserts(table)), column, value)),
  )
  cases.push(
    mutated('new_value that is not JSON', (at) => {
      find(at, (c) => c.op === 'update').new_value = '{"oops'
    }),
    mutated('new_value null in an insert', (at) => {
      find(at, inserts('funders')).new_value = null
    }),
    mutated('new_value null in an update', (at) => {
      find(at, (c) => c.op === 'update').new_value = null
    }),
    mutated('an insert that is an array', (at) => {
      find(at, inserts('funders')).new_value = '[1,2]'
    }),
    mutated('a malformed clock stamp', (at) => {
      find(at, inserts('funders')).hlc = '2026-13-45T99:00:00.000Z-0000-zzzz'
    }),
    mutated('a stamp two days ahead of this clock', (at) => {
      const change = find(at, inserts('funders'))
      change.hlc = formatHlc({ millis: Date.now() + 2 * 86_400_000, counter: 0 }, at.sender)
    }),
    mutated('a stamp ten years ahead', (at) => {
      const change = find(at, inserts('funders'))
      change.hlc = formatHlc({ millis: Date.now() + 3650 * 86_400_000, counter: 0 }, at.sender)
      change.recorded_at = new Date(Date.now() + 3650 * 86_400_000).toISOString()
    }),
    mutated('a change claiming this copy’s own replica id, by another author', (at) => {
      const change = find(at, inserts('funders'))
      change.replica_id = at.receiver
      change.hlc = change.hlc.replace(/[0-9a-f]{16}$/, at.receiver)
      change.author = 'Quelqu’un d’autre'
    }),
    mutated('a change claiming another copy than its folder', (at) => {
      const change = find(at, inserts('funders'))
      change.replica_id = at.witness
      change.hlc = change.hlc.replace(/[0-9a-f]{16}$/, at.witness)
    }),
    mutated('a stamp of another copy than the change says', (at) => {
      const change = find(at, inserts('funders'))
      change.hlc = change.hlc.replace(/[0-9a-f]{16}$/, at.witness)
    }),
    mutated('an empty author', (at) => {
      for (const change of at.changes) change.author = ''
    }),
    mutated('a change slipped into an action under another author', (at) => {
      find(at, inserts('receipts')).author = 'Intrus'
    }),
    mutated('a time that is not a time', (at) => {
      find(at, inserts('funders')).recorded_at = 'hier'
    }),
    mutated('an insert under the column of an update', (at) => {
      find(at, inserts('funders')).op = 'update'
    }),
    mutated('an archive that restores', (at) => {
      find(at, (c) => c.op === 'delete').op = 'restore'
    }),
    mutated('an unknown operation', (at) => {
      find(at, (c) => c.op === 'update').op = 'drop' as ChangeRow['op']
    }),
    mutated('an unknown table', (at) => {
      find(at, inserts('funders')).table_name = 'sqlite_master'
    }),
    mutated('a local table', (at) => {
      find(at, inserts('funders')).table_name = 'file_info'
    }),
    mutated('an unknown column', (at) => setField(find(at, inserts('funders')), 'iban', 'FR76')),
    mutated('a system column in an insert', (at) =>
      setField(find(at, inserts('funders')), 'deleted_at', null),
    ),
    mutated('a required column missing', (at) => {
      const change = find(at, inserts('funders'))
      const { name: _name, ...rest } = valueOf(change)
      change.new_value = JSON.stringify(rest)
    }),
    mutated('a record id that is not a UUID', (at) => {
      const change = find(at, inserts('funders'))
      for (const c of at.changes) if (c.row_id === change.row_id) c.row_id = '../../etc'
    }),
    mutated('two different changes with one stamp', (at) => [
      ...at.changes,
      { ...find(at, (c) => c.op === 'update'), new_value: '"autre"' },
    ]),
    mutated('an update of a ledger entry', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'ledger_entries',
        row_id: entryOf(at, receipt(at).row_id).row_id,
        column_name: 'amount_minor',
        op: 'update',
        new_value: '100000000000',
      }),
    ]),
    mutated('an archive of a ledger entry', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'ledger_entries',
        row_id: entryOf(at, receipt(at).row_id).row_id,
        column_name: 'deleted_at',
        op: 'delete',
        new_value: JSON.stringify(new Date().toISOString()),
      }),
    ]),
    mutated('a receipt entry of 100 M€ with no receipt', (at) => {
      const model = entryOf(at, receipt(at).row_id)
      const entry = { ...valueOf(model), amount_minor: 10_000_000_000, eur_minor: 10_000_000_000 }
      return [
        ...at.changes,
        newChange(at, {
          table_name: 'ledger_entries',
          column_name: '*',
          op: 'insert',
          new_value: JSON.stringify({ ...entry, source_id: randomUUID() }),
        }),
      ]
    }),
    mutated('a receipt entry of 100 M€ for a receipt of 40,000', (at) =>
      setField(entryOf(at, receipt(at).row_id), 'amount_minor', 10_000_000_000),
    ),
    mutated('a receipt entry in another fund', (at) =>
      setField(entryOf(at, receipt(at).row_id), 'fund_class', 'untied'),
    ),
    mutated('a receipt without its entry', (at) =>
      at.changes.filter((c) => c.row_id !== entryOf(at, receipt(at).row_id).row_id),
    ),
    mutated('a receipt cancelled without its reversal', (at) => {
      const reversal = find(
        at,
        (c, v) =>
          inserts('ledger_entries')(c) &&
          v.source_table === 'receipts' &&
          v.reverses_id !== undefined,
      )
      return at.changes.filter((c) => c.row_id !== reversal.row_id)
    }),
    mutated('a receipt’s entry reversed without cancelling the receipt', (at) => {
      const reversal = find(
        at,
        (c, v) =>
          inserts('ledger_entries')(c) &&
          v.source_table === 'receipts' &&
          v.reverses_id !== undefined,
      )
      const receiptId = String(valueOf(reversal).source_id)
      // Its note still changed with the reason, its archiving gone: the entries reversed alone.
      return at.changes.filter(
        (c) => !(c.table_name === 'receipts' && c.row_id === receiptId && c.op === 'delete'),
      )
    }),
    mutated('a change stamped before the change it follows (a clock gone back)', (at) => {
      const first = at.changes[0]
      const last = at.changes.at(-1)
      if (!first || !last) throw new Error('an empty mission file')
      // The last change (a cancellation's) made to look older than the file's first one.
      const [instant = '', rest = ''] = first.hlc.split(/Z-(.*)/s)
      const earlier = `${new Date(Date.parse(`${instant}Z`) - 1).toISOString().slice(0, -1)}Z-${rest}`
      return [...at.changes.slice(0, -1), { ...last, hlc: earlier }]
    }),
    mutated('a reversal of another amount', (at) =>
      setField(
        find(at, (c, v) => inserts('ledger_entries')(c) && v.reverses_id !== undefined),
        'amount_minor',
        -1,
      ),
    ),
    mutated('a tranche paid without its disbursement', (at) =>
      at.changes.filter(
        (c) => !(inserts('ledger_entries')(c) && valueOf(c).kind === 'disbursement'),
      ),
    ),
    mutated('an agreement corrected without reversing its commitment', (at) => {
      const reversal = find(
        at,
        (c, v) =>
          inserts('ledger_entries')(c) &&
          v.source_table === 'agreements' &&
          v.reverses_id !== undefined,
      )
      return at.changes.filter((c) => c.row_id !== reversal.row_id)
    }),
    mutated('a payment of dues without its entry', (at) => {
      const payment = find(at, inserts('dues_payments'))
      return at.changes.filter((c) => c.row_id !== entryOf(at, payment.row_id).row_id)
    }),
    mutated('an update of a record this copy never had', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'funders',
        column_name: 'notes',
        op: 'update',
        new_value: '"x"',
      }),
    ]),
    mutated('a record created a second time', (at) => {
      const twin = find(at, inserts('members'))
      return [...at.changes, newChange(at, { ...twin, hlc: stampAfter(at), tx_id: randomUUID() })]
    }),
    mutated('dues settings with a negative tolerance', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'dues_settings',
        row_id: '00000000-0000-7000-8000-0000000d0e50',
        column_name: 'arrears_tolerance_eur_minor',
        op: 'update',
        new_value: '-500',
      }),
    ]),
    mutated('dues settings of a hundred thousand days', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'dues_settings',
        row_id: '00000000-0000-7000-8000-0000000d0e50',
        column_name: 'payment_days',
        op: 'update',
        new_value: '100000',
      }),
    ]),
  )
  for (const name of ['../share/x.sh', '..', 'a/b/c.pdf', 'C:\\Windows\\run.exe', 'NUL', '']) {
    cases.push(
      mutated(`a document stored as ${JSON.stringify(name)}`, (at) => {
        const project = find(at, inserts('projects'))
        return [
          ...at.changes,
          newChange(at, {
            table_name: 'project_documents',
            column_name: '*',
            op: 'insert',
            new_value: JSON.stringify({
              project_id: project.row_id,
              title: 'Rapport',
              stored_name: name,
              original_name: 'rapport.pdf',
              size: 10,
              sha256: 'a'.repeat(64),
            }),
          }),
        ]
      }),
    )
  }
  cases.push(...fileCases())
  return cases
}

/** Files that are not change files of this dataset, or not files at all. */
function fileCases(): HostileCase[] {
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
