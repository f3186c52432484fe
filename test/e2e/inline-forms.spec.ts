import { join } from 'node:path'
import { test, expect } from './harness/fixtures'

test('a form on the page is not discarded unasked (Escape, « Annuler », another area); a fixed list takes type-ahead and Enter never sends the form', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'saisies.sqlite'))
  const rules = async () =>
    (await app.core.requireSession().file.db.selectFrom('accounting_rules').selectAll().execute())
      .length
  const rulesBefore = await rules()
  await app.open()
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await nav.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Comptabilité' })
    .click()
  const section = page.getByRole('region', { name: 'Comptabilité' })
  await expect(section.getByRole('tab', { name: 'Correspondances' })).toBeVisible({
    timeout: 30_000,
  })
  const question = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })

  // Type-ahead in the fixed list of roles: « ai » is « Aides aux villes engagées (charge) », not
  // the first choice starting with « a » (« Autres produits »).
  await section.getByRole('button', { name: 'Nouvelle correspondance' }).click()
  const ruleForm = section.getByRole('form', { name: 'Nouvelle correspondance' })
  const role = ruleForm.getByRole('textbox', { name: 'Rôle', exact: true })
  await role.click()
  await role.press('Escape') // the list closed: letters are typed on the field itself
  await expect(role).toHaveValue('Dépenses du secrétariat')
  await role.pressSequentially('ai')
  await expect(role).toHaveValue('Aides aux villes engagées (charge)')
  // Letters that start no choice leave it; Enter then sends nothing.
  await role.pressSequentially('zq')
  await expect(role).toHaveValue('Aides aux villes engagées (charge)')
  await role.press('Enter')
  await expect(ruleForm).toBeVisible()
  expect(await rules()).toBe(rulesBefore)
  // Enter opened the list (as on a native one): Escape closes the list, not the form…
  const list = page.getByRole('listbox')
  await expect(list).toBeVisible()
  await role.press('Escape')
  await expect(list).toBeHidden()
  await expect(question).toBeHidden()
  await expect(ruleForm).toBeVisible()
  // … and Escape again, on the changed form, asks; « Abandonner les modifications » puts it away.
  await role.press('Escape')
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(ruleForm).toBeHidden()

  // A bank account begun: Escape asks, and « Continuer la saisie » keeps what was typed.
  await section.getByRole('tab', { name: 'Comptes bancaires' }).click()
  await section.getByRole('button', { name: 'Nouveau compte bancaire' }).click()
  const bankForm = section.getByRole('form', { name: 'Nouveau compte bancaire' })
  const name = bankForm.getByRole('textbox', { name: 'Nom du compte' })
  await name.click()
  await name.fill('Banque Atlantique')
  await name.press('Escape')
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(question).toBeHidden()
  await expect(name).toHaveValue('Banque Atlantique')

  // « Annuler » asks too.
  await bankForm.getByRole('button', { name: 'Annuler' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(name).toHaveValue('Banque Atlantique')

  // Another area: asked; kept, the window stays; agreed, it goes.
  await nav.getByRole('button', { name: 'Projets' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(name).toHaveValue('Banque Atlantique')
  await nav.getByRole('button', { name: 'Projets' }).click()
  await question.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(nav.getByRole('button', { name: 'Projets' })).toHaveAttribute('aria-current', 'page')

  // A form left as it was opened goes without a question.
  await nav.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Comptabilité' })
    .click()
  await section.getByRole('tab', { name: 'Comptes bancaires' }).click()
  await section.getByRole('button', { name: 'Nouveau compte bancaire' }).click()
  await bankForm.getByRole('textbox', { name: 'Nom du compte' }).click()
  await bankForm.getByRole('textbox', { name: 'Nom du compte' }).press('Escape')
  await expect(bankForm).toBeHidden()
  await expect(question).toBeHidden()
  await nav.getByRole('button', { name: 'Budget' }).click()
  await expect(question).toBeHidden()
  await expect(nav.getByRole('button', { name: 'Budget' })).toHaveAttribute('aria-current', 'page')
})
