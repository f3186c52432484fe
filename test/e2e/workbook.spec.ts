import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { test, expect } from './harness/fixtures'

async function membersWorkbook(path: string, rows: (string | number | null)[][]) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Membres')
  sheet.addRow(['Code', 'Type', 'Nom', 'Pays', 'Population', 'Membre depuis le', 'Statut'])
  for (const row of rows) sheet.addRow(row)
  await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
  return path
}

test('import: a workbook with errors is listed and refused, corrected it is imported and its members are found', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'import.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Import / export' })
    .click()
  const section = page.getByRole('region', { name: 'Import / export' })

  app.host.nextDocument = await membersWorkbook(join(app.folder, 'membres-erreurs.xlsx'), [
    ['M-0101', 'Ville', 'Ville de Ouagadougou', 'BF', 2_500_000, '12/05/1979', 'Actif'],
    ['M-0102', 'Ville', 'Ville de Bobo-Dioulasso', 'Burkina', null, '31/02/1990', 'Actif'],
  ])
  await section.getByRole('button', { name: 'Importer un classeur…' }).click()
  const problems = section.getByRole('table', { name: 'Problèmes trouvés' })
  await expect(problems).toContainText('Pays inconnu')
  await expect(problems).toContainText('31/02/1990')
  await expect(problems.getByRole('row').filter({ hasText: 'Burkina' })).toContainText('3')
  await expect(section.getByRole('alert')).toContainText('2 problème(s) bloquant(s)')
  await app.expectAccessible()
  await app.screenshot('15-import-erreurs')

  app.host.nextDocument = await membersWorkbook(join(app.folder, 'membres.xlsx'), [
    ['M-0101', 'Ville', 'Ville de Ouagadougou', 'BF', 2_500_000, '12/05/1979', 'Actif'],
    ['M-0102', 'Ville', 'Ville de Bobo-Dioulasso', 'Burkina Faso', null, '28/02/1990', 'Actif'],
  ])
  await section.getByRole('button', { name: 'Importer un classeur…' }).click()
  await expect(section.getByRole('table', { name: 'Ce que l’import ferait' })).toContainText(
    'Membres',
  )
  await section.getByRole('button', { name: 'Importer', exact: true }).click()
  await expect(section.getByText('Membres : 2 créé(s), 0 modifié(s).')).toBeVisible()

  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Bobo')
  await expect(page.getByText('Ville de Bobo-Dioulasso')).toBeVisible()
})
