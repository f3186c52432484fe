import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { TestApp } from '../support/core'
import { officeAndMission } from './office-and-mission'

const apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.dispose()
})

/** An office with an agreement and a member, and a mission laptop with a copy of its file. */
async function officeWithDakarAndMission() {
  const members: { id: string }[] = []
  const { office, mission, grant } = await officeAndMission(apps, async (office) => {
    await office.core.setUserName('Awa')
    members.push(
      await office.ok('members.create', {
        kind: 'city',
        name: 'Ville de Dakar',
        country: 'SN',
        status: 'active',
      }),
    )
  })
  await mission.core.setUserName('Jean')
  const [dakar] = members
  if (!dakar) throw new Error('no member made before the mission copy')
  return { office, mission, grant, dakar }
}

/** The same transfer and the same dues payment, entered on one copy. */
async function enterTheSameMoney(app: TestApp, grantId: string, memberId: string) {
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: grantId,
    receivedOn: '2026-05-04',
    amount: '25000',
  })
  await app.ok('dues.addPayment', {
    confirmed: true,
    memberId,
    kind: 'dues',
    receivedOn: '2026-05-06',
    amount: '1200',
    currency: 'EUR',
    method: 'transfer',
  })
}

const duplicates = async (app: TestApp) =>
  (await app.ok('sync.conflicts', {})).filter((c) => c.duplicate !== null)

describe('the same money entered on two copies (issue 17)', () => {
  it('lists each pair under « À vérifier » with both records; one click cancels one, its money reversed, everywhere', async () => {
    const { office, mission, grant, dakar } = await officeWithDakarAndMission()
    await enterTheSameMoney(office, grant.id, dakar.id)
    await enterTheSameMoney(mission, grant.id, dakar.id)
    // Not the same event: another day, another amount.
    await mission.ok('receipts.add', {
      confirmed: true,
      agreementId: grant.id,
      receivedOn: '2026-05-04',
      amount: '25000.01',
    })
    await mission.ok('receipts.add', {
      confirmed: true,
      agreementId: grant.id,
      receivedOn: '2026-05-05',
      amount: '25000',
    })
    await mission.ok('sync.now', {})
    const report = await office.ok('sync.now', {})
    expect(report.skipped).toEqual([])

    const pairs = await duplicates(office)
    expect(pairs.map((c) => c.detail).sort()).toEqual([
      expect.stringMatching(
        /^Encaissement saisi sur deux copies : SUBV-FR-2026, le 04\/05\/2026, 25\s000,00\s€\. Annulez/,
      ),
      expect.stringMatching(
        /^Paiement de cotisation saisi sur deux copies : M-0001 Ville de Dakar, le 06\/05\/2026, 1\s200,00\s€\. Annulez/,
      ),
    ])
    const receiptPair = pairs.find((c) => c.duplicate?.table === 'receipts')
    const records = receiptPair?.duplicate?.records ?? []
    expect(records.map((r) => [r.author, r.amountMinor, r.date, r.cancelled])).toEqual([
      ['Awa', 2_500_000, '2026-05-04', false],
      ['Jean', 2_500_000, '2026-05-04', false],
    ])
    expect(report.conflicts).toBeGreaterThanOrEqual(2)
    // The laptop, receiving the office's entries, lists the same two pairs.
    await mission.ok('sync.now', {})
    expect((await duplicates(mission)).map((c) => c.duplicate?.table).sort()).toEqual([
      'dues_payments',
      'receipts',
    ])

    // The mission's receipt is the duplicate: cancelled in one click, with its reason.
    const missionReceipt = records[1]?.id ?? ''
    const after = await office.ok('sync.cancelDuplicate', {
      id: receiptPair?.id ?? '',
      recordId: missionReceipt,
    })
    expect(after.map((c) => c.id)).not.toContain(receiptPair?.id)
    const agreement = await office.ok('agreements.get', { id: grant.id })
    expect(agreement.receipts.map((r) => r.amount).sort()).toEqual([
      2_500_000, 2_500_000, 2_500_001,
    ])
    expect(agreement.figures.received).toBe(7_500_001)
    expect(agreement.receipts.map((r) => r.id)).not.toContain(missionReceipt)
    // Done twice, or on a record not of the pair: refused, nothing changed.
    const again = await office.call('sync.cancelDuplicate', {
      id: receiptPair?.id ?? '',
      recordId: missionReceipt,
    })
    expect(again.ok).toBe(false)
    const paymentPair = pairs.find((c) => c.duplicate?.table === 'dues_payments')
    const stranger = await office.call('sync.cancelDuplicate', {
      id: paymentPair?.id ?? '',
      recordId: grant.id,
    })
    expect(stranger.ok).toBe(false)
    expect((await duplicates(office)).map((c) => c.id)).toEqual([paymentPair?.id])

    // The office's accounts pass `aimf check` with the payment pair still open (both are real
    // until someone says otherwise).
    await office.ok('sync.now', {})
    const officePath = office.core.requireSession().file.path
    await office.core.closeFile()
    expect(await checkFile(officePath)).toEqual([])

    // The laptop receives the cancellation: its own review of the receipt pair closes, the
    // payment pair is still to review, the receipt is cancelled there too.
    await mission.ok('sync.now', {})
    const onMission = await duplicates(mission)
    expect(onMission.map((c) => c.duplicate?.table)).toEqual(['dues_payments'])
    const there = await mission.ok('agreements.get', { id: grant.id })
    expect(there.receipts.map((r) => r.id)).not.toContain(missionReceipt)
    expect(there.receipts).toHaveLength(3)
    const closed = await mission.core
      .requireSession()
      .file.db.selectFrom('sync_conflicts')
      .select('resolution')
      .where('table_name', '=', 'receipts')
      .execute()
    expect(closed.map((c) => c.resolution)).toEqual([`cancelled:${missionReceipt}`])
  })
})
