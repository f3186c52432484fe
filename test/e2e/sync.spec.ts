import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createSession } from '../../electron/main/app/app-core'
import { DataFile } from '../../electron/main/db/data-file'
import { test, expect } from './harness/fixtures'

const funder = (notes: string | null) =>
  ({
    name: 'Fondation de Dakar',
    acronym: null,
    kind: 'foundation',
    country: 'SN',
    defaultCurrency: 'EUR',
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    notes,
  }) as const

test('sync: a field changed in two copies is listed to review, the other value taken, and both copies end equal', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'bureau.sqlite'))
  const office = app.core.requireSession()
  const dakar = await office.funders.create(funder(null), 'Awa')
  const share = join(app.folder, 'partage')
  await mkdir(share)
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  const section = page.getByRole('region', { name: 'Synchronisation' })

  app.host.nextFolder = share
  await section.getByRole('button', { name: 'Choisir le dossier partagé…' }).click()
  await expect(section).toContainText(share)
  const missionPath = join(app.folder, 'mission.sqlite')
  app.host.nextNewFilePath = missionPath
  await section.getByRole('button', { name: 'Préparer une copie pour une mission…' }).click()
  await expect(section).toContainText('Copie pour la mission prête')

  // Offline, each side writes its own note on the same funder; the mission's comes later.
  await office.funders.update(dakar.id, funder('Note du bureau'), 'Awa')
  const missionFile = await DataFile.open(missionPath)
  try {
    const mission = createSession(missionFile)
    await mission.funders.update(dakar.id, funder('Note de mission'), 'Jean')
    await mission.sync.syncFolder(share, 'Jean')

    await section.getByRole('button', { name: 'Synchroniser maintenant' }).click()
    const review = section.getByRole('list', { name: 'À vérifier' })
    await expect(review).toContainText('funders · notes')
    await expect(review).toContainText('Gardé : « Note de mission » (Jean')
    await expect(review).toContainText('Mis de côté : « Note du bureau » (Awa')
    await app.expectAccessible()
    await app.screenshot('20-synchronisation-a-verifier')

    await review.getByRole('button', { name: 'Prendre l’autre valeur' }).click()
    await expect(section.getByText('Rien à vérifier.')).toBeVisible()
    await section.getByRole('button', { name: 'Synchroniser maintenant' }).click()
    await expect(section.getByText(/^Envoyés : [1-9]/)).toBeVisible()
    await mission.sync.syncFolder(share, 'Jean')
    expect((await mission.funders.get(dakar.id)).notes).toBe('Note du bureau')
    expect((await office.funders.get(dakar.id)).notes).toBe('Note du bureau')
  } finally {
    await missionFile.close()
  }
})
