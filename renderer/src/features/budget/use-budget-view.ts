import { useEffect, useState } from 'react'
import type { BudgetExpense, BudgetVersion, BudgetView } from '@shared/budget/schema'
import { call } from '../../lib/api'

/**
 * What the budget page shows: the versions, the one chosen (the year's reference one until the
 * user picks another) at a day, and that year's expenses; reloaded after each change.
 */
export function useBudgetView() {
  const [versions, setVersions] = useState<BudgetVersion[]>([])
  const [versionId, setVersionId] = useState<string | null>(null)
  const [view, setView] = useState<BudgetView | null>(null)
  const [expenses, setExpenses] = useState<BudgetExpense[]>([])
  // What is shown: a version (the year's reference one when null) at a day; `round` reloads.
  const [query, setQuery] = useState({ versionId: null as string | null, asOf: '', round: 0 })
  useEffect(() => {
    let live = true
    void (async () => {
      const list = await call('budget.versions', {})
      const id =
        query.versionId ??
        list.find((v) => v.isCurrent && v.year === new Date().getFullYear())?.id ??
        list[0]?.id ??
        null
      const shown = id
        ? await call('budget.view', { versionId: id, asOf: query.asOf || null })
        : null
      const spent = shown ? await call('budget.expenses', { year: shown.version.year }) : []
      if (!live) return
      setVersions(list)
      setVersionId(id)
      setView(shown)
      setExpenses(spent)
    })()
    return () => {
      live = false
    }
  }, [query])
  const reload = (chosen: string | null) =>
    setQuery((current) => ({ ...current, versionId: chosen, round: current.round + 1 }))
  return {
    versions,
    versionId,
    view,
    expenses,
    asOf: query.asOf,
    setAsOf: (day: string) =>
      setQuery((current) => ({ ...current, asOf: day, round: current.round + 1 })),
    reload,
    /** Shows a version the core just returned, and reloads the list and the expenses. */
    show: (next: BudgetView) => {
      setView(next)
      reload(next.version.id)
    },
    /** Shows the year's expenses the core just returned, and reloads the figures they move. */
    showExpenses: (list: BudgetExpense[]) => {
      setExpenses(list)
      if (view) reload(view.version.id)
    },
  }
}
