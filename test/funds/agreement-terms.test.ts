import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

async function euAgreement(indirectCostMaxPercent = '7') {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  return app.ok('agreements.create', {
    funderId: funder.id,
    reference: 'UE-1',
    title: 'Paix',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    currency: 'EUR',
    amount: '830000',
    earmarking: 'projects',
    nature: 'operating',
    indirectCostMaxPercent,
  })
}

describe('donor budget headings', () => {
  it('starts from the EU structure and checks the 7 % and 5 % caps on the offending line', async () => {
    const agreement = await euAgreement()
    const withTemplate = await app.ok('agreements.applyHeadingTemplate', {
      agreementId: agreement.id,
      template: 'eu',
    })
    expect(withTemplate.budget.headings.map((h) => [h.code, h.label, h.role])).toEqual([
      ['1', 'Ressources humaines', 'direct'],
      ['2', 'Voyages', 'direct'],
      ['3', 'Équipements et fournitures', 'direct'],
      ['4', 'Bureau local', 'direct'],
      ['5', 'Autres coûts, services', 'direct'],
      ['6', 'Autres', 'direct'],
      ['8', 'Coûts indirects (7 % max. du 7)', 'indirect'],
      ['10', 'Provision pour imprévus (5 % max. du 7)', 'contingency'],
    ])
    const lines = (amounts: string[]) =>
      withTemplate.budget.headings.map((h, i) => ({
        code: h.code,
        label: h.label,
        role: h.role,
        amount: amounts[i] ?? '0',
      }))
    // Direct costs 1,000,000.00: indirect at most 70,000.00, contingency at most 50,000.00.
    const tooMuchIndirect = await app.call('agreements.saveHeadings', {
      agreementId: agreement.id,
      headings: lines(['400000', '100000', '200000', '100000', '150000', '50000', '70000.01', '0']),
    })
    expect(tooMuchIndirect.ok || tooMuchIndirect.error.fields).toEqual([
      {
        path: 'headings.6.amount',
        message:
          'Les coûts indirects dépassent le plafond de 7 % des coûts directs (70\u202f000,00\u00a0€).',
      },
    ])
    const tooMuchContingency = await app.call('agreements.saveHeadings', {
      agreementId: agreement.id,
      headings: lines([
        '400000',
        '100000',
        '200000',
        '100000',
        '150000',
        '50000',
        '70000',
        '50000.01',
      ]),
    })
    expect(tooMuchContingency.ok || tooMuchContingency.error.fields?.[0]?.path).toBe(
      'headings.7.amount',
    )
    const saved = await app.ok('agreements.saveHeadings', {
      agreementId: agreement.id,
      headings: lines([
        '400000',
        '100000',
        '200000',
        '100000',
        '150000',
        '50000',
        '70000',
        '50000',
      ]),
    })
    expect(saved.budget).toMatchObject({
      directSubtotal: 100_000_000,
      indirect: 7_000_000,
      indirectCap: 7_000_000,
      contingency: 5_000_000,
      contingencyCap: 5_000_000,
      total: 112_000_000,
    })
    const again = await app.call('agreements.applyHeadingTemplate', {
      agreementId: agreement.id,
      template: 'objectives',
    })
    expect(again.ok || again.error.code).toBe('CONFLICT')
  })

  it('the user can rename, add and remove headings', async () => {
    const agreement = await euAgreement()
    await app.ok('agreements.applyHeadingTemplate', {
      agreementId: agreement.id,
      template: 'objectives',
    })
    const saved = await app.ok('agreements.saveHeadings', {
      agreementId: agreement.id,
      headings: [
        { code: 'OS1', label: 'Accès à l’eau', role: 'direct', amount: '1 000'.replace(' ', '') },
        { code: 'CI', label: 'Coûts indirects', role: 'indirect', amount: '70' },
      ],
    })
    expect(saved.budget.headings.map((h) => [h.code, h.label, h.amount])).toEqual([
      ['OS1', 'Accès à l’eau', 100_000],
      ['CI', 'Coûts indirects', 7_000],
    ])
  })
})

describe('reporting calendar and instalment schedule', () => {
  it('flags overdue reports on the dashboard until they are sent', async () => {
    const agreement = await euAgreement()
    await app.ok('agreements.addReport', {
      agreementId: agreement.id,
      kind: 'interim',
      dueOn: '2024-06-30',
      periodFrom: '2024-01-01',
      periodTo: '2024-05-31',
    })
    const withFinal = await app.ok('agreements.addReport', {
      agreementId: agreement.id,
      kind: 'final',
      dueOn: '2099-03-31',
    })
    const interim = withFinal.reports[0]
    expect(interim).toMatchObject({ kind: 'interim', status: 'to_prepare', overdue: true })
    expect(withFinal.reports[1]?.overdue).toBe(false)
    const summary = await app.ok('funds.summary', {})
    expect(summary.reportsDue).toEqual([
      {
        agreementId: agreement.id,
        reference: 'UE-1',
        kind: 'interim',
        dueOn: '2024-06-30',
        overdue: true,
      },
    ])
    const sent = await app.ok('agreements.setReportStatus', {
      id: interim?.id ?? '',
      status: 'sent',
      sentOn: '2024-07-02',
    })
    expect(sent.reports[0]).toMatchObject({ status: 'sent', sentOn: '2024-07-02', overdue: false })
    expect((await app.ok('funds.summary', {})).reportsDue).toEqual([])
  })

  it('compares the funder’s schedule with what was received by each date', async () => {
    const agreement = await euAgreement()
    await app.ok('agreements.addInstalment', {
      agreementId: agreement.id,
      expectedOn: '2024-02-01',
      amount: '332000',
    })
    await app.ok('agreements.addInstalment', {
      agreementId: agreement.id,
      expectedOn: '2025-02-01',
      amount: '249000',
    })
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2024-03-15',
      amount: '332000',
    })
    const detail = await app.ok('agreements.get', { id: agreement.id })
    expect(
      detail.instalments.map((i) => [i.expectedOn, i.cumulativeExpected, i.cumulativeReceived]),
    ).toEqual([
      ['2024-02-01', 33_200_000, 0],
      ['2025-02-01', 58_100_000, 33_200_000],
    ])
    // The first came six weeks late but came: received, not red. The second never came: late.
    expect(detail.instalments.map((i) => [i.state, i.missing])).toEqual([
      ['received', 0],
      ['late', 24_900_000],
    ])
    await app.ok('agreements.addInstalment', {
      agreementId: agreement.id,
      expectedOn: '2099-01-01',
      amount: '100000',
    })
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2025-05-01',
      amount: '100000',
    })
    // 432,000 received pays the earliest first: 332,000 + 100,000 of the second's 249,000.
    const later = await app.ok('agreements.get', { id: agreement.id })
    expect(later.instalments.map((i) => [i.state, i.missing])).toEqual([
      ['received', 0],
      ['late', 14_900_000],
      ['upcoming', 10_000_000],
    ])
    const bad = await app.call('agreements.addInstalment', {
      agreementId: agreement.id,
      expectedOn: '2025-02-30',
      amount: '1',
    })
    expect(bad.ok || bad.error.fields?.[0]?.path).toBe('expectedOn')
  })
})
