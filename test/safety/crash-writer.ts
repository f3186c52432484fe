/**
 * A process that opens the file, says "READY", then writes through the real core as fast as it
 * can and says "ACK n" after each committed write, until it is killed. Bundled and run by crash-safety.test.ts.
 */
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'

const path = process.argv[2] ?? ''
const file = await DataFile.open(path)
const session = createSession(file)
// The test's kill is timed from here, so that a slow start never leaves a round without writes.
process.stdout.write('READY\n')
let written = 0
for (;;) {
  await session.otherIncome.add(
    {
      receivedOn: '2025-01-01',
      label: `Écriture ${written}`,
      currency: 'EUR',
      amount: '1.25',
      note: null,
    },
    'crash-test',
  )
  written += 1
  process.stdout.write(`ACK ${written}\n`)
}
