import { Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { call } from '../../lib/api'
import { InstalmentEntry } from './InstalmentEntry'
import { InstalmentsList } from './InstalmentsList'

/** The instalments the funder plans to pay, each against what had been received by its date. */
export function InstalmentsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const editable = agreement.archivedAt === null

  async function remove(id: string) {
    onSaved(await call('agreements.removeInstalment', { id }), t('common.saved'))
  }

  return (
    <section aria-labelledby="agreement-instalments">
      <Title order={2} size="h4" id="agreement-instalments" mb="xs">
        {t('instalments.title')}
      </Title>
      {editable && <InstalmentEntry agreement={agreement} onSaved={onSaved} />}
      {agreement.instalments.length === 0 ? (
        <Text c="dimmed">{t('instalments.none')}</Text>
      ) : (
        <InstalmentsList
          agreement={agreement}
          onRemove={editable ? (id) => void remove(id) : undefined}
        />
      )}
    </section>
  )
}
