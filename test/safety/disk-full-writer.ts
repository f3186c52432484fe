/**
 * Writes through the real core until the disk (here: the process's file-size limit) is full,
 * then reports the error the user would see, and checks the file can still be read.
 */
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { AppFailure } from '../../electron/main/failure'

// Without a handler the kernel's SIGXFSZ kills the process; with one, the write fails with EFBIG
// as it would on a full disk.
process.on('SIGXFSZ', () => undefined)
const file = await DataFile.open(process.argv[2] ?? '')
const session = createSession(file)
let written = 0
try {
  for (;;) {
    await session.otherIncome.add(
      {
        receivedOn: '2025-01-01',
        label: `Recette ${written}`,
        currency: 'EUR',
        amount: '1',
        note: 'x'.repeat(4000),
      },
      'disk-full-test',
    )
    written += 1
    process.stdout.write(`ACK ${written}\n`)
  }
} catch (error) {
  process.stdout.write(`FAIL ${error instanceof AppFailure ? error.code : String(error)}\n`)
}
const list = await session.otherIncome.list()
process.stdout.write(`STILL READABLE ${list.length}\n`)
await file.close().catch(() => undefined)
