import { useCallback, useEffect, useState } from 'react'
import type { Funder } from '@shared/funders/schema'
import { call } from '../../lib/api'

/** The funders of the open file; `reload` reads them again after a change. */
export function useFunders(includeArchived: boolean) {
  const [funders, setFunders] = useState<Funder[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let current = true
    call('funders.list', { includeArchived }).then(
      (list) => {
        if (!current) return
        setFunders(list)
        setError(null)
      },
      (failure: unknown) => {
        if (current) setError(failure)
      },
    )
    // A slower earlier answer must not overwrite a newer one.
    return () => {
      current = false
    }
  }, [includeArchived, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { funders, error, reload }
}
