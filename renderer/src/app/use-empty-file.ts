import { useState } from 'react'
import { call } from '../lib/api'
import { useApiData } from '../lib/use-api-data'

/**
 * Whether the open file is still empty (no funder, agreement or member): read once per file,
 * and forgotten for the session once the user has taken a first step or asked for the lists.
 */
export function useEmptyFile(path: string): { empty: boolean; dismiss(): void } {
  const [dismissed, setDismissed] = useState<string | null>(null)
  const { data } = useApiData(async () => {
    const [funders, agreements, members] = await Promise.all([
      call('funders.list', { includeArchived: true }),
      call('agreements.list', { includeArchived: true }),
      call('members.list', { includeArchived: true }),
    ])
    // Said of the file it was read for: a previous file's answer never shows for this one.
    return { path, empty: funders.length + agreements.length + members.length === 0 }
  }, [path])
  return {
    empty: data?.path === path && data.empty && dismissed !== path,
    dismiss: () => setDismissed(path),
  }
}
