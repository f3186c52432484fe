import { Group, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import { today } from '@shared/validation/dates'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { call } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'
import { useBusyAction } from '../../lib/use-busy-action'
import { useLanguage } from '../../lib/use-language'
import { type LabelledFigure, LabelledFigures } from './LabelledFigures'

/**
 * The agreement's recovered overhead: what its rate allows on its eligible direct costs, what
 * was moved to the untied fund, what is still to post; and the button that posts it.
 */
export function OverheadSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [postedOn, setPostedOn] = useState(today())
  const { busy, status, run } = useBusyAction()
  const position = useChannel('agreements.overhead', { id: agreement.id })
  const figures = position.data
  const currency = agreement.currency
  const archived = agreement.archivedAt !== null
  return (
    <section aria-labelledby="agreement-overhead">
      <Title order={2} size="h4" id="agreement-overhead" mb="xs" mt="md">
        {t('overhead.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={640} mb="xs">
        {t('overhead.hint')}
      </Text>
      {figures && figures.rateBp === null && <Text size="sm">{t('overhead.noRate')}</Text>}
      {figures && figures.rateBp !== null && (
        <>
          <LabelledFigures
            label={t('overhead.title')}
            mb="sm"
            figures={[
              [t('overhead.rate'), formatBasisPoints(figures.rateBp, language)],
              ...(['directCosts', 'allowed', 'posted', 'toPost'] as const).map(
                (key): LabelledFigure => [
                  t(`overhead.${key}`),
                  <Amount minor={figures[key]} currency={currency} />,
                ],
              ),
            ]}
          />
          <Group align="flex-end" mb="sm">
            <TextInput
              type="date"
              label={t('overhead.postedOn')}
              value={postedOn}
              onChange={(event) => setPostedOn(event.currentTarget.value)}
              disabled={archived}
              // A refusal stands under the field beside the button, where the user is looking.
              error={status && !status.ok ? status.text : undefined}
            />
            <ActionButton
              variant="default"
              loading={busy}
              disabled={archived || figures.toPost === 0}
              onClick={() =>
                run(async () => {
                  await call('agreements.postOverhead', { agreementId: agreement.id, postedOn })
                  position.reload()
                  onSaved(await call('agreements.get', { id: agreement.id }), t('overhead.done'))
                })
              }
            >
              {t('overhead.post')}
            </ActionButton>
          </Group>
          {figures.postings.length > 0 && (
            <Table maw={640} aria-label={t('overhead.history')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overhead.postedOn')}</Table.Th>
                  <Table.Th ta="right">{t('overhead.base')}</Table.Th>
                  <Table.Th ta="right">{t('overhead.amount')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.postings.map((p) => (
                  <Table.Tr
                    key={p.id}
                    data-record-id={p.id}
                    c={p.cancelReason === null ? undefined : 'dimmed'}
                  >
                    <Table.Td>{formatDate(p.postedOn, language)}</Table.Td>
                    <Table.Td ta="right">
                      <Amount minor={p.base} currency={currency} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount minor={p.amount} currency={currency} />
                    </Table.Td>
                    <Table.Td>{p.cancelReason === null ? '' : t('overhead.cancelled')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </section>
  )
}
