import { ListSelect } from '../../components/ListSelect'

import { useTranslation } from 'react-i18next'
import { useChannel } from '../../lib/use-api-data'

/**
 * The bank account money went through, for a receipt, a payment or an expense in `currency`:
 * its currency's own accounts and the euro accounts (into which a bank converts). Empty: the
 * currency's default. Shown only when the file has bank accounts to choose from.
 */
export function BankAccountSelect({
  currency,
  value,
  onChange,
  error,
}: {
  currency: string
  value: string | null
  onChange: (id: string | null) => void
  error?: string
}) {
  const { t } = useTranslation()
  const banks = useChannel('accounting.bankAccounts', {}).data ?? []
  const usable = banks.filter(
    (bank) => bank.id !== null && (bank.currency === currency || bank.currency === 'EUR'),
  )
  if (usable.length === 0) return null
  return (
    <ListSelect
      label={t('accounting.tabs.banks')}
      data={usable.map((bank) => ({
        value: bank.id ?? '',
        label: `${bank.label} (${bank.currency}, ${bank.account})`,
      }))}
      value={value}
      onChange={onChange}
      placeholder={t('accounting.defaultBank')}
      clearable
      error={error}
    />
  )
}
