import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect as baseExpect, type DesktopApp } from './harness/fixtures'
import { damagePage, growFile } from '../support/files'

const funder = (name: string) => ({
  name,
  acronym: null,
  kind: 'city' as const,
  country: 'FR' as const,
  defaultCurrency: 'EUR' as const,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  notes: null,
})

// Each backup and restore is checked whole (integrity, counts, totals) before it is said done:
// on a loaded machine that is more than the default waits.
test.describe.configure({ timeout: 180_000 })
const expect = baseExpect.configure({ timeout: 30_000 })

async function fileWithFunder(app: DesktopApp, path: string, name: string) {
  await app.core.createFile(path)
  await app.core.requireSession().funders.create(funder(name), 'Agent de test')
}

async function openBackups(page: Page) {
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Sauvegardes' })
    .click()
  const section = page.getByRole('region', { name: 'Sauvegardes' })
  await expect(section).toBeVisible()
  return section
}

test('Paramètres → Sauvegardes lists manual backups with their sizes and asks before deleting one', async ({
  app,
  page,
}) => {
  const path = join(app.folder, 'compta.sqlite')
  await fileWithFunder(app, path, 'Ville de Paris')
  for (let i = 0; i < 3; i++) await app.core.requireSession().backups.create('manual')
  await app.open()
  const section = await openBackups(page)
  const table = section.getByRole('table', { name: 'Sauvegardes' })
  const manual = table.getByRole('row').filter({ hasText: 'Manuelle' })
  await expect(manual).toHaveCount(3)
  await expect(manual.first()).toContainText('Jusqu’à suppression')
  await expect(manual.first()).toContainText(/\d+([,.]\d)?\s(ko|Mo)/)
  await expect(section).toContainText(
    /Espace occupé : [\d,]+\s(ko|Mo) \(4 sauvegarde\(s\)\)\. Libre sur ce disque/,
  )
  await app.expectAccessible()
  await app.screenshot('13-sauvegardes')

  // Deleting asks first; cancelled, nothing is deleted.
  await manual
    .first()
    .getByRole('button', { name: /^Supprimer/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Supprimer une sauvegarde' })
  await expect(dialog).toContainText(
    /Supprimer la sauvegarde du .* \(Manuelle, .*\) \? Elle ne pourra plus être restaurée\./,
  )
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(dialog).toBeHidden()
  await expect(manual).toHaveCount(3)
  const onDisk = async () =>
    (await readdir(join(app.folder, 'backups'))).filter((n) => n.includes('.manual.'))
  expect(await onDisk()).toHaveLength(3)

  await manual
    .first()
    .getByRole('button', { name: /^Supprimer/ })
    .click()
  await dialog.getByRole('button', { name: 'Supprimer' }).click()
  await expect(section.getByRole('status').filter({ hasText: /\S/ })).toContainText(
    /Sauvegarde du .* supprimée\./,
  )
  await expect(manual).toHaveCount(2)
  expect(await onDisk()).toHaveLength(2)

  // A backup made now is kept with the others.
  await section.getByRole('button', { name: 'Sauvegarder maintenant' }).click()
  await expect(section.getByRole('status').filter({ hasText: /\S/ })).toContainText(
    'Sauvegarde faite et vérifiée.',
  )
  await expect(manual).toHaveCount(3)
})

test('« Restaurer depuis un fichier… » restores a copy chosen on the disk, and says when it is another file’s', async ({
  app,
  page,
}) => {
  const path = join(app.folder, 'compta.sqlite')
  await fileWithFunder(app, path, 'Ville de Paris')
  const made = await app.core.requireSession().backups.create('manual')
  const usb = join(app.folder, 'cle-usb')
  await mkdir(usb)
  await copyFile(join(made.folder, made.name), join(usb, 'copie-compta.sqlite'))
  await app.core.requireSession().funders.create(funder('Ville de Genève'), 'Agent de test')
  await app.open()
  const section = await openBackups(page)

  // Cancelled dialog: nothing asked, nothing changed.
  app.host.nextBackupFile = null
  await section.getByRole('button', { name: 'Restaurer depuis un fichier…' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  app.host.nextBackupFile = join(usb, 'copie-compta.sqlite')
  await section.getByRole('button', { name: 'Restaurer depuis un fichier…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restaurer depuis un fichier…' })
  await expect(dialog).toContainText(
    /Restaurer copie-compta\.sqlite \(sauvegarde du .*\) à la place du fichier ouvert \?/,
  )
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Restaurer', exact: true }).click()
  await expect(section.getByRole('status').filter({ hasText: /\S/ })).toContainText(
    /Sauvegarde du .* restaurée\./,
  )
  expect((await app.core.requireSession().funders.list()).map((f) => f.name)).toEqual([
    'Ville de Paris',
  ])

  // Another file's backup: said plainly, and restored only on the second yes.
  const other = join(app.folder, 'autre.sqlite')
  const current = app.core.fileInfo()?.path ?? ''
  await app.core.closeFile()
  await fileWithFunder(app, other, 'Fondation X')
  await app.core.closeFile()
  await app.core.openFile(current)
  await page.reload()
  const again = await openBackups(page)
  app.host.nextBackupFile = other
  await again.getByRole('button', { name: 'Restaurer depuis un fichier…' }).click()
  await expect(dialog).toContainText(
    'Attention : cette sauvegarde est celle d’un autre fichier (autre.sqlite)',
  )
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  expect((await app.core.requireSession().funders.list()).map((f) => f.name)).toEqual([
    'Ville de Paris',
  ])
  await again.getByRole('button', { name: 'Restaurer depuis un fichier…' }).click()
  await dialog.getByRole('button', { name: 'Restaurer quand même' }).click()
  await expect(again.getByRole('status').filter({ hasText: /\S/ })).toContainText(/restaurée/)
  expect((await app.core.requireSession().funders.list()).map((f) => f.name)).toEqual([
    'Fondation X',
  ])
})

test('a damaged file with no backup beside it is restored from a file chosen on the start screen', async ({
  app,
  page,
}) => {
  const path = join(app.folder, 'abime.sqlite')
  await fileWithFunder(app, path, 'Ville de Lausanne')
  const made = await app.core.requireSession().backups.create('manual')
  const elsewhere = join(app.folder, 'copie-sur-cle.sqlite')
  await copyFile(join(made.folder, made.name), elsewhere)
  await growFile(app.core.requireSession().file)
  await app.core.closeFile()
  const { rm } = await import('node:fs/promises')
  await rm(join(app.folder, 'backups'), { recursive: true })
  await damagePage(path, -3)

  await app.open()
  await page.getByRole('button', { name: 'Ouvrir abime.sqlite' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'est endommagé' })
  await alert.getByRole('button', { name: 'Restaurer la dernière sauvegarde intacte' }).click()
  // None beside it: the alert says so and still offers the other ways out.
  const none = page.getByRole('alert').filter({ hasText: 'Aucune sauvegarde intacte' })
  await expect(none).toBeVisible()
  app.host.nextBackupFile = elsewhere
  await none.getByRole('button', { name: 'Restaurer depuis un fichier…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restaurer depuis un fichier…' })
  await expect(dialog).toContainText(
    /Restaurer copie-sur-cle\.sqlite \(sauvegarde du .*\) à la place de .*abime\.sqlite \?/,
  )
  await dialog.getByRole('button', { name: 'Restaurer', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Bailleurs' })).toContainText('Ville de Lausanne')
  expect((await readdir(join(app.folder, 'backups'))).some((n) => n.includes('.damaged.'))).toBe(
    true,
  )
})

test('a failed automatic backup is said above every screen until a backup succeeds', async ({
  app,
  page,
}) => {
  const path = join(app.folder, 'compta.sqlite')
  await fileWithFunder(app, path, 'Ville de Paris')
  await app.open()
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'La dernière sauvegarde automatique a échoué' })
  await expect(page.getByRole('button', { name: 'Paramètres' })).toBeVisible()
  await expect(alert).toHaveCount(0)

  // The folder chosen for the backups became a file; the hourly backup fails while the window
  // is open, and the shell tells the window.
  const blocker = join(app.folder, 'sauvegardes')
  await writeFile(blocker, 'pas un dossier')
  await app.core.prefs.update({ backupFolders: { [path]: join(blocker, 'AIMF') } })
  expect(await app.core.backUp('hourly')).toBe(false)
  await app.menu('state.changed')
  await expect(alert).toContainText(join(blocker, 'AIMF'))
  await expect(alert).toContainText('ce point de restauration manque')
  await app.expectAccessible()

  // Back to the folder beside the file: a backup is made there, the alert goes.
  const section = await openBackups(page)
  await expect(alert).toBeVisible()
  await section.getByRole('button', { name: 'Revenir au dossier à côté du fichier' }).click()
  await expect(section.getByRole('status').filter({ hasText: /\S/ })).toBeVisible()
  await expect(alert).toHaveCount(0)
})
