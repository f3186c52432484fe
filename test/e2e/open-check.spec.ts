import { join } from 'node:path'
import { test, expect } from './harness/fixtures'
import { sqliteIntegrityCheck } from '../../electron/main/db/open-check'

// The full check of a file opened, held until the spec lets it go (then SQLite's own runs).
let release = () => {}
const gate = new Promise<void>((done) => (release = done))

test.use({
  integrityCheck: {
    check: async (native) => {
      await gate
      return sqliteIntegrityCheck(native)
    },
  },
})

test('a file just opened says calmly in the status line that it is being checked, until it is', async ({
  app,
  page,
}) => {
  const path = join(app.folder, 'compta.sqlite')
  await app.core.createFile(path)
  await app.core.closeFile()
  await app.core.openFile(path)
  await app.open()

  const status = page.getByRole('navigation').getByRole('status')
  await expect(status).toHaveText(
    'Vérification du fichier en cours… Les modifications seront possibles dans un instant.',
  )
  // The first screen is there meanwhile: the dashboard's figures are read.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await app.expectAccessible()
  await app.screenshot('open-check-status')

  release()
  await expect(status).toHaveText('')
  expect(app.core.fileInfo()?.checking).toBe(false)
})
