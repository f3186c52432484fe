const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a calendar date that exists, written YYYY-MM-DD (2021-02-31 does not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/**
 * « Today » fixed for the whole process, or null for the machine's day. Only the e2e harness
 * sets it: its stories are written with fixed dates (receipts in 2026, tranches due in
 * December 2026…), and the plausibility rules would start asking about them as the years pass.
 */
let fixedDay: string | null = null

export function fixToday(day: string | null): void {
  if (day !== null && !isIsoDate(day)) throw new Error(`fixToday: ${day} is not a date`)
  fixedDay = day
}

/** Today in the machine's time zone, as YYYY-MM-DD (the fixed day, when one is set). */
export function today(at?: Date): string {
  if (at === undefined && fixedDay !== null) return fixedDay
  const now = at ?? new Date()
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
