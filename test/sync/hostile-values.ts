import {
  type HostileCase,
  find,
  inserts,
  mutated,
  newChange,
  setField,
  valueOf,
} from './hostile-frame'

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

/** Values of the wrong type, shape or range, and fields missing or unknown: each refused. */
export function valueCases(): HostileCase[] {
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
    mutated('an unknown column', (at) => setField(find(at, inserts('funders')), 'iban', 'FR76')),
    mutated('a system column in an insert', (at) =>
      setField(find(at, inserts('funders')), 'deleted_at', null),
    ),
    mutated('a required column missing', (at) => {
      const change = find(at, inserts('funders'))
      const { name: _name, ...rest } = valueOf(change)
      change.new_value = JSON.stringify(rest)
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
  return cases
}
