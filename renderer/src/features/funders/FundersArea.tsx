import { useAppStore } from '../../app/app-store'
import { FunderPage } from './FunderPage'
import { FundersPage } from './FundersPage'

/** Bailleurs: the list, or one funder's page when one is open. */
export function FundersArea() {
  const openFunderId = useAppStore((s) => s.openFunderId)
  const openFunder = useAppStore((s) => s.openFunder)
  return openFunderId ? (
    <FunderPage key={openFunderId} id={openFunderId} onBack={() => openFunder(null)} />
  ) : (
    <FundersPage />
  )
}
