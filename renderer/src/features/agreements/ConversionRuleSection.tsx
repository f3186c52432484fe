import { Alert, Button, Group, Table, Text, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONVERSION_RULES, type ConversionRule } from '@shared/funds/conversion-rule'
import type { AgreementDetail } from '@shared/funds/schema'
import { Amount } from '../../components/Amount'
import { call } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'
import { useBusyAction } from '../../lib/use-busy-action'

/**
 * The rule the agreement's contract sets for converting its spending into its currency, and
 * its spending at the bank's rates and by that rule, with the exchange difference apart.
 */
export function ConversionRuleSection({
  agreement,
  asOf,
  onSaved,
}: {
  agreement: AgreementDetail
  /** The date the figures are read at ('' for today). */
  asOf: string
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const [rule, setRule] = useState<ConversionRule>(agreement.conversionRule)
  const { busy, status, run } = useBusyAction()
  const summary = useChannel(
    'agreements.conversion',
    asOf ? { id: agreement.id, asOf } : { id: agreement.id },
  )
  const figures = summary.data
  const currency = agreement.currency
  return (
    <section aria-labelledby="agreement-conversion">
      <Title order={2} size="h4" id="agreement-conversion" mb="xs">
        {t('conversion.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={640} mb="xs">
        {t('conversion.hint')}
      </Text>
      <Group align="flex-end" mb="sm">
        <ListSelect
          label={t('conversion.title')}
          data={CONVERSION_RULES.map((value) => ({ value, label: t(`conversion.rule.${value}`) }))}
          value={rule}
          onChange={(value) => value && setRule(value as ConversionRule)}
          allowDeselect={false}
          disabled={agreement.archivedAt !== null}
          w={360}
        />
        <Button
          variant="default"
          loading={busy}
          disabled={rule === agreement.conversionRule || agreement.archivedAt !== null}
          onClick={() =>
            run(async () => {
              const next = await call('agreements.setConversionRule', {
                agreementId: agreement.id,
                rule,
              })
              summary.reload()
              onSaved(next, t('conversion.saved'))
            })
          }
        >
          {t('conversion.save')}
        </Button>
      </Group>
      {status && !status.ok && (
        <Alert color="red" mb="sm">
          {status.text}
        </Alert>
      )}
      {figures && (
        <Table maw={640} aria-label={t('conversion.title')}>
          <Table.Tbody>
            {(
              [
                ['spentAtBank', figures.spentAtBank],
                ['spentByRule', figures.spentByRule],
                ['difference', figures.difference],
              ] as const
            ).map(([key, minor]) => (
              <Table.Tr key={key}>
                <Table.Td>{t(`conversion.${key}`)}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={minor} currency={currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {figures && figures.fallbacks.length > 0 && (
        <Text size="sm" c="orange" mt="xs">
          {t('conversion.fallbacks', { count: figures.fallbacks.length })}
        </Text>
      )}
    </section>
  )
}
