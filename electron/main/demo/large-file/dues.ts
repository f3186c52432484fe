import { fromEuro } from '@shared/money/exchange'
import { money, toDecimalString } from '@shared/money/money'
import { demoDuesScale, FRANC_ZONES } from '../demo-dues'
import { GENERATED_AUTHOR, type LargeFileRun } from './run'

/** The scale and calls of each year, then payments by each member's habit. */
export async function generateDues(run: LargeFileRun): Promise<void> {
  for (let year = run.firstYear; year <= run.options.lastYear; year += 1) {
    run.progress('dues', year - run.firstYear, run.options.years)
    await run.session.duesScale.save(
      {
        year,
        bands: demoDuesScale(year).map((b) => ({ ...b, populationTo: b.populationTo ?? null })),
      },
      GENERATED_AUTHOR,
    )
    await run.session.duesCalls.generate(
      { year, calledOn: `${year}-01-20`, dueOn: `${year}-03-31` },
      GENERATED_AUTHOR,
    )
  }
  const members = new Map((await run.session.members.list()).map((m) => [m.id, m]))
  const habits = new Map<string, number>()
  const payments = []
  for (const call of await run.session.duesCalls.list({})) {
    const member = members.get(call.memberId)
    if (!member) continue
    let habit = habits.get(member.id)
    if (habit === undefined) {
      habit = run.random()
      habits.set(member.id, habit)
    }
    const delay = habit < 0.6 ? 0 : habit < 0.85 ? 1 : run.random() < 0.3 ? 2 : null
    if (delay === null || call.year + delay > run.options.lastYear) continue
    const francs = member.country ? FRANC_ZONES[member.country] : undefined
    const amount = francs
      ? String(Math.ceil(fromEuro(money(call.amount, 'EUR'), francs).minor / 1000) * 1000)
      : toDecimalString(money(call.amount, call.currency))
    payments.push({
      memberId: member.id,
      kind: 'dues' as const,
      receivedOn: run.day(call.year + delay, 3, 11),
      payer: null,
      amount,
      currency: francs ?? ('EUR' as const),
      rate: null,
      method: 'transfer' as const,
      bankReference: `VIR-${member.code}-${call.year}`,
      note: null,
      settle: null,
    })
  }
  payments.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
  await run.session.duesPayments.addMany(payments, GENERATED_AUTHOR)
}
