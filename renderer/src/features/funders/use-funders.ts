import { useChannel } from '../../lib/use-api-data'

/** The funders of the open file; `reload` reads them again after a change. */
export function useFunders(includeArchived: boolean) {
  const { data: funders, error, reload } = useChannel('funders.list', { includeArchived })
  return { funders, error, reload }
}
