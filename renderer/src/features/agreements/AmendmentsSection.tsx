import { Group, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EntryButton } from '../../components/page/EntryButton'
import type { AgreementDetail } from '@shared/funds/schema'
import { TabRegister } from '../../components/list/TabRegister'
import { amendmentColumns } from './agreement-tab-columns'
import { AmendmentForm } from './AmendmentForm'

/** An agreement's amendments (amount and end date changes) and the form for a new one. */
export function AmendmentsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const archived = agreement.archivedAt !== null
  const columns = useMemo(() => amendmentColumns(t, agreement), [t, agreement])
  return (
    <section aria-labelledby="agreement-amendments">
      <Title order={2} size="h4" id="agreement-amendments" mb="xs">
        {t('agreements.amendments')}
      </Title>
      {agreement.amendments.length === 0 ? (
        <Text c="dimmed">{t('agreements.noAmendments')}</Text>
      ) : (
        <TabRegister
          listId="agreementAmendments"
          label={t('agreements.amendments')}
          rows={agreement.amendments}
          columns={columns}
          getRowId={(a) => a.id}
          searchPlaceholder={t('recordLists.search.amendments')}
          initialSort={{ id: 'signedOn', desc: false }}
          parameters={[{ label: t('agreements.field.reference'), value: agreement.reference }]}
        />
      )}
      <Group mt="sm">
        <EntryButton
          label={t('agreements.addAmendment')}
          unavailable={archived ? t('recordPage.archivedAgreement') : null}
        >
          {(close) => (
            <AmendmentForm
              agreement={agreement}
              onSaved={(a) => {
                close()
                onSaved(a, t('agreements.amendment.added'))
              }}
            />
          )}
        </EntryButton>
      </Group>
    </section>
  )
}
