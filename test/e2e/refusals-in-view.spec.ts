import { join } from 'node:path'
import { channels } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR

test('a refusal of « Engager » and of « Verser » is drawn on its field, focused and in view (a 1280-px window, 420 px high once the plan is reached)', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.createFile(join(app.folder, 'refus-en-vue.sqlite'))
  const call = channels(app.core)
  const dakar = await call('members.create', {
    kind: 'city',
    name: 'Ville de Dakar',
    country: 'SN',
    status: 'active',
  })
  const project = await call('projects.create', {
    title: 'Assainissement de Grand-Yoff',
    memberId: dakar.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '160000',
  })
  // Fifteen partners above the AIMF line: its « Engager » sits far below the date it takes.
  for (let partner = 1; partner <= 15; partner += 1) {
    await call('projects.addFinancingLine', {
      projectId: project.id,
      source: 'partner',
      partnerName: `Partenaire n° ${partner}`,
      amount: '10000',
      currency: 'EUR',
    })
  }
  await call('projects.addFinancingLine', {
    projectId: project.id,
    source: 'untied_fund',
    amount: '10000',
    currency: 'EUR',
  })
  for (const to of ['approved', 'agreement_signed'] as const)
    await call('projects.transition', {
      projectId: project.id,
      to,
      onDate: `${year}-01-20`,
      bureauMeeting: 'Bureau de janvier',
      confirmed: true,
    })
  await call('projects.addTranche', {
    projectId: project.id,
    plannedOn: `${year}-06-30`,
    amount: '40000',
    condition: 'Rapport d’étape reçu',
  })
  await app.open()
  await page.getByRole('button', { name: 'Projets' }).click()
  await page.getByRole('button', { name: `Ouvrir le projet ${project.code}` }).click()

  // « Engager » with the date emptied: refused on the date, which is brought back into view.
  await page.getByRole('tab', { name: 'Plan de financement', exact: true }).click()
  const date = page.getByRole('textbox', { name: 'Engagé le' })
  await date.fill('')
  const commit = page.getByRole('button', { name: 'Engager Fonds délié de l’AIMF' })
  // The plan is a list in its own scrolling box now, so the page is short at 720 px: a window
  // half as high (a laptop's docked window) puts the date above the view once the list is reached.
  await page.setViewportSize({ width: 1280, height: 420 })
  await commit.scrollIntoViewIfNeeded()
  await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
  await expect(date).not.toBeInViewport()
  await commit.click()
  await expect(date).toHaveAttribute('aria-invalid', 'true')
  await expect(date).toBeFocused()
  await expect(date).toBeInViewport()
  const dateMessage = page.getByText('Ce champ est obligatoire.')
  await expect(dateMessage).toBeInViewport()
  // Nothing committed; a date typed again takes the message away and commits.
  expect((await call('projects.get', { id: project.id })).plan.lines[15]?.committedOn).toBeNull()
  await date.fill(`${year}-02-01`)
  await expect(dateMessage).toBeHidden()

  // « Verser » on a tranche whose condition is not met, without saying why: refused on that
  // field, focused and in view, and nothing paid.
  await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
  await page.getByRole('button', { name: 'Verser la tranche n° 1' }).click()
  const dialog = page.getByRole('dialog', { name: 'Verser la tranche n° 1' })
  await dialog.getByRole('button', { name: 'Verser', exact: true }).click()
  const why = dialog.getByRole('textbox', { name: 'Raison du versement sans condition remplie' })
  await expect(why).toHaveAttribute('aria-invalid', 'true')
  await expect(why).toBeFocused()
  const refusal = dialog.getByText(/La condition « Rapport d’étape reçu » n’est pas remplie/)
  await expect(refusal).toBeInViewport()
  await expect(why).toBeInViewport()
  expect((await call('projects.get', { id: project.id })).tranches[0]?.status).not.toBe('paid')
})
