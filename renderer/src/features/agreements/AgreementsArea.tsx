import { useAppStore } from '../../app/app-store'
import { AgreementsPage } from './AgreementsPage'

/** Conventions, opened afresh when reached on another class of funds. */
export function AgreementsArea() {
  const fundClass = useAppStore((s) => s.agreementsClass)
  return <AgreementsPage key={fundClass ?? 'all'} />
}
