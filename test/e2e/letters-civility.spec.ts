import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { channels, cityDuesScale } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR

test('the civility chosen on the member’s form is how its letters greet the mayor', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'civilite.sqlite'))
  const call = channels(app.core)
  await cityDuesScale(call, year)
  // A name that says nothing of who holds the office.
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Ville de Lomé',
    country: 'TG',
    leaderName: 'Yawa Djigbodi',
    status: 'active',
  })
  await call('dues.generateCalls', { year, calledOn: `${year}-01-15`, dueOn: `${year}-03-31` })
  const reminder = async (file: string) => {
    app.host.nextExportPath = join(app.folder, file)
    await page.getByRole('button', { name: 'Relance (PDF)' }).click()
    await expect(page.getByText(/1 lettre\(s\) enregistrée\(s\)/)).toBeVisible()
    const { stdout } = await promisify(execFile)('pdftotext', [app.host.nextExportPath, '-'])
    return stdout.replace(/\s+/g, ' ')
  }
  await app.open()
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('button', { name: 'Ouvrir le membre Ville de Lomé' }).click()

  // No civility recorded: the letter greets both, never guessing.
  expect(await reminder('avant.pdf')).toContain('Madame la Maire, Monsieur le Maire,')

  await page.getByRole('button', { name: 'Modifier', exact: true }).click()
  const form = page.getByRole('form', { name: 'Modifier le membre' })
  const civility = form.getByRole('textbox', { name: 'Civilité du maire ou du président' })
  await civility.click()
  await page.getByRole('option', { name: 'Madame', exact: true }).click()
  await expect(civility).toHaveValue('Madame')
  await form.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Membre « Ville de Lomé » enregistré.')).toBeVisible()
  expect((await call('members.get', { id: lome.id })).leaderCivility).toBe('f')

  const letter = await reminder('apres.pdf')
  expect(letter).toContain(
    'Madame la Maire, Sauf erreur de notre part, les cotisations de la Ville de Lomé',
  )
  expect(letter).toContain('Nous vous prions d’agréer, Madame la Maire, l’expression')
  expect(letter).not.toContain('Monsieur le Maire')
})
