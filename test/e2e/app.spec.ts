import { join } from 'node:path'
import { test, expect } from './harness/fixtures'
import { damagePage } from '../support/files'

test('the start screen offers demo, new and existing files, and creates an empty file', async ({
  app,
  page,
}) => {
  await app.open()
  await expect(page.getByRole('heading', { name: 'Bienvenue dans AIMF Finances' })).toBeVisible()
  await app.expectAccessible()
  await app.screenshot('01-accueil')

  const path = join(app.folder, 'secretariat.sqlite')
  app.host.nextNewFilePath = path
  await page.getByRole('button', { name: 'Créer un nouveau fichier vide' }).click()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
  expect(app.core.fileInfo()?.path).toBe(path)
  // An empty file greets the user with its first steps (dashboard.spec.ts follows them).
  await expect(page.getByRole('heading', { name: 'Premiers pas' })).toBeVisible()

  // The file is remembered: after closing it, the start screen lists it.
  await app.menu('file.close')
  await expect(page.getByRole('button', { name: 'Ouvrir secretariat.sqlite' })).toBeVisible()
  await page.getByRole('button', { name: 'Ouvrir secretariat.sqlite' }).click()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
})

test('a cancelled file dialog changes nothing and shows no error', async ({ app, page }) => {
  await app.open()
  app.host.nextExistingFile = null
  await page.getByRole('button', { name: 'Ouvrir un fichier existant…' }).click()
  await expect(page.getByRole('heading', { name: 'Bienvenue dans AIMF Finances' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('opening a file that is not an AIMF Finances file says so', async ({ app, page }) => {
  const { writeFile } = await import('node:fs/promises')
  const path = join(app.folder, 'notes.sqlite')
  await writeFile(path, 'pas une base de données')
  await app.open()
  app.host.nextExistingFile = path
  await page.getByRole('button', { name: 'Ouvrir un fichier existant…' }).click()
  await expect(page.getByRole('alert')).toContainText('n’est pas un fichier AIMF Finances')
})

test('a damaged file is refused untouched and recovered from its latest sound backup', async ({
  app,
  page,
}) => {
  const path = join(app.folder, 'abime.sqlite')
  await app.core.createFile(path)
  await app.core.requireSession().funders.create(
    {
      name: 'Ville de Lausanne',
      acronym: null,
      kind: 'city',
      country: 'CH',
      defaultCurrency: 'CHF',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      notes: null,
    },
    'Agent de test',
  )
  await app.core.requireSession().backups.create('manual')
  await app.core.requireSession().file.write('Agent de test', async (writer) => {
    for (let i = 0; i < 300; i++)
      await writer.insert('funders', {
        name: `B${i} ${'x'.repeat(200)}`,
        kind: 'other',
        default_currency: 'EUR',
      })
  })
  await app.core.closeFile()
  await damagePage(path, 3)

  await app.open()
  await page.getByRole('button', { name: 'Ouvrir abime.sqlite' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'est endommagé' })
  await expect(alert).toBeVisible()
  // First, look at it as it is: read-only, every change refused with the reason.
  await alert.getByRole('button', { name: 'L’ouvrir en lecture seule pour le consulter' }).click()
  await expect(page.getByText('Lecture seule : fichier endommagé')).toBeVisible()
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  const form = page.getByRole('form', { name: 'Nouveau bailleur' })
  await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Ville de Genève')
  await form.getByRole('textbox', { name: 'Type', exact: true }).click()
  await page.getByRole('option', { name: 'Ville', exact: true }).click()
  await form.getByRole('button', { name: 'Créer' }).click()
  await expect(
    page.getByText(/est ouvert en lecture seule parce qu’il est endommagé/),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Fermer' }).first().click()
  await app.menu('file.close')
  await page.getByRole('button', { name: 'Ouvrir abime.sqlite' }).click()
  await alert.getByRole('button', { name: 'Restaurer la dernière sauvegarde intacte' }).click()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Bailleurs' })).toContainText('Ville de Lausanne')
})

test('switching to English and back, remembered across a restart', async ({ app, page }) => {
  await app.core.openDemo()
  await app.open()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Funders', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible()
  expect(app.core.language()).toBe('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Funders', level: 1 })).toBeVisible()
  await page.getByText('Français', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
  expect(app.core.language()).toBe('fr')
})

test('the settings show the organisation, the user and the file, and save the organisation', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible()
  const name = page.getByLabel('Nom de l’organisation')
  await expect(name).toHaveValue(/Association Internationale des Maires Francophones/)
  await app.expectAccessible()
  await app.screenshot('05-parametres')

  await name.fill('')
  await page.getByRole('button', { name: 'Enregistrer' }).first().click()
  await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible()
  expect((await app.core.requireSession().organisation.get()).name).toMatch(
    /Association Internationale/,
  )

  await name.fill('AIMF — Secrétariat permanent')
  await page.getByRole('button', { name: 'Enregistrer' }).first().click()
  await expect(page.getByText('Enregistré.')).toBeVisible()
  expect((await app.core.requireSession().organisation.get()).name).toBe(
    'AIMF — Secrétariat permanent',
  )
  // The file's replica, in the « Fichier de données » section of the side menu.
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Fichier de données', exact: true })
    .click()
  await expect(page.getByText(app.core.fileInfo()?.replicaId ?? 'missing')).toBeVisible()
})

test('a password locks the window; nothing of the file shows until it is given', async ({
  app,
  page,
}) => {
  await app.core.createFile(join(app.folder, 'verrou.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Verrouillage après inactivité' })
    .click()
  const lock = page.getByRole('region', { name: 'Verrouillage après inactivité' })
  await lock.getByLabel('Mot de passe', { exact: true }).fill('Tombouctou-2026')
  await lock.getByLabel('Confirmer le mot de passe').fill('Tombouctou-2026')
  await lock.getByRole('button', { name: 'Activer le verrouillage' }).click()
  await expect(page.getByText('Verrouillage activé après 10 minute(s) d’inactivité.')).toBeVisible()
  await lock.getByRole('button', { name: 'Verrouiller maintenant' }).click()

  await expect(page.getByRole('heading', { name: 'AIMF Finances est verrouillé' })).toBeVisible()
  await expect(page.getByRole('navigation')).toHaveCount(0)
  await app.expectAccessible()
  await page.getByLabel('Mot de passe').fill('mauvais')
  await page.getByRole('button', { name: 'Déverrouiller' }).click()
  await expect(page.getByText('Mot de passe incorrect.')).toBeVisible()
  await page.getByLabel('Mot de passe').fill('Tombouctou-2026')
  await page.getByRole('button', { name: 'Déverrouiller' }).click()
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible()

  // Removing the lock asks for the password in force; a wrong one changes nothing.
  const current = lock.getByLabel('Mot de passe actuel')
  await current.fill('mauvais-mot')
  await lock.getByRole('button', { name: 'Retirer le verrouillage' }).click()
  await expect(
    lock.getByText('Mot de passe actuel incorrect : le verrouillage n’a pas été modifié.'),
  ).toBeVisible()
  expect((await app.core.state()).lock.enabled).toBe(true)
  await current.fill('Tombouctou-2026')
  await lock.getByRole('button', { name: 'Retirer le verrouillage' }).click()
  await expect(page.getByText('Verrouillage retiré.')).toBeVisible()
  expect((await app.core.state()).lock.enabled).toBe(false)
  await expect(lock.getByLabel('Mot de passe actuel')).toHaveCount(0)
})

test.describe('a machine where nobody has given a name yet', () => {
  test.use({ userName: '' })
  test('asks for the user name once, and stamps it on changes', async ({ app, page }) => {
    await app.core.openDemo()
    await app.open()
    const dialog = page.getByRole('dialog', { name: 'Votre nom' })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Votre nom').fill('Awa Diop')
    await dialog.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(dialog).toBeHidden()
    expect(app.core.author()).toBe('Awa Diop')
  })
})
