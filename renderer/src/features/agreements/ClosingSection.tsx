import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import { TabRegister } from '../../components/list/TabRegister'
import { contributionColumns } from './agreement-tab-columns'
import { useTranslation } from 'react-i18next'
import type { ClosingStatement } from '@shared/closing/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { EntryButton } from '../../components/page/EntryButton'
import { useReversal } from '../../components/ReversalDialog'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { CloseAgreementForm } from './CloseAgreementForm'
import { ContributionForm } from './ContributionForm'

/**
 * An agreement's closing statement (provisional until closed, frozen once closed), the way to
 * close it and to reopen it (a reversal, with its reason); the co-financing declared for the
 * action, added and withdrawn here (withdrawing asks for a reason) while the agreement is open.
 */
export function ClosingSection({
  statement,
  archived,
  closedReason,
  onChanged,
}: {
  statement: ClosingStatement
  archived: boolean
  /** Why nothing can be declared (the agreement is closed); null when open. */
  closedReason: string | null
  onChanged: (next: ClosingStatement) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const reversal = useReversal()
  const amount = (minor: number) => formatMoney(money(minor, statement.currency), language)
  const closing = statement.closing
  const unavailable = archived ? t('recordPage.archivedAgreement') : closedReason
  const share =
    statement.funderShareBp === null
      ? t('closing.funderShareAll')
      : t('closing.funderShare', { rate: formatBasisPoints(statement.funderShareBp, language) })
  const rows: [string, number, boolean?][] = [
    [t('closing.ceiling'), statement.ceiling],
    [t('closing.eligibleSpending'), statement.eligibleSpending],
    [t('closing.ineligibleSpending'), statement.ineligibleSpending],
    [t('closing.cashCofinancing'), statement.cashCofinancing],
    [t('closing.totalEligible'), statement.totalEligible, true],
    [share, statement.funderShare],
    [t('closing.finalDue'), statement.finalDue, true],
    [t('closing.received'), statement.received],
    [t('closing.refund'), statement.refund, true],
    [t('closing.stillToReceive'), statement.stillToReceive, true],
    [t('closing.inKind'), statement.inKind],
  ]
  // The eligible spending is the funder's rule's (a closing's, the rule it was counted by): its
  // difference to the bank, on its own line.
  const countedBy = closing?.conversionRule ?? statement.conversionRule
  if (countedBy !== 'day_rate')
    rows.push([t('closing.exchangeDifference'), statement.exchangeDifference])
  return (
    <section aria-labelledby="agreement-closing">
      {reversal.dialog}
      <Stack gap="sm">
        <Title order={2} size="h4" id="agreement-closing">
          {t('closing.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('closing.hint')}
        </Text>
        <Alert color={closing ? 'gray' : 'blue'}>
          {closing
            ? t('closing.closedOn', { date: formatDate(closing.closedOn, language) })
            : t('closing.openStatement')}
          {closing && closing.refundEur !== 0 && statement.currency !== 'EUR'
            ? ` ${t('closing.refundEur', {
                eur: formatMoney(money(closing.refundEur, 'EUR'), language),
                rate: closing.refundRate,
              })}`
            : ''}
          {closing && <ClosingRuleNote statement={statement} />}
        </Alert>
        <Table withTableBorder aria-label={t('closing.title')}>
          <Table.Tbody>
            {rows.map(([label, value, strong]) => (
              <Table.Tr key={label} fw={strong ? 700 : undefined}>
                <Table.Td>{label}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={value} currency={statement.currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {statement.ineligible.length > 0 && (
          <Table withTableBorder striped aria-label={t('closing.ineligibleList')}>
            <Table.Caption>{t('closing.ineligibleList')}</Table.Caption>
            <Table.Tbody>
              {statement.ineligible.map((item) => (
                <Table.Tr key={`${item.sourceId}|${item.headingCode ?? ''}|${item.reason}`}>
                  <Table.Td>{formatDate(item.date, language)}</Table.Td>
                  <Table.Td>{item.description ?? item.sourceTable}</Table.Td>
                  <Table.Td>
                    {t(`closing.ineligibleReason.${item.reason}`, {
                      heading: item.headingCode ?? '—',
                    })}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={item.amount} currency={statement.currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={3} size="h5">
          {t('closing.contributions')}
        </Title>
        {statement.contributions.length === 0 ? (
          <Text c="dimmed">{t('closing.noContributions')}</Text>
        ) : (
          <TabRegister
            listId="agreementContributions"
            label={t('closing.contributions')}
            rows={statement.contributions}
            columns={contributionColumns(t)}
            getRowId={(c) => c.id}
            searchPlaceholder={t('recordLists.search.contributions')}
            initialSort={{ id: 'contributedOn', desc: false }}
            rowActions={(c) => (
              <ActionButton
                variant="subtle"
                size="compact-sm"
                unavailable={unavailable}
                aria-label={`${t('closing.cancelContribution')} — ${c.contributor}`}
                onClick={() =>
                  reversal.ask({
                    action: t('closing.cancelContribution'),
                    record: t('closing.contributionRecord', {
                      contributor: c.contributor,
                      description: c.description,
                      amount: amount(c.amount),
                    }),
                    figures: [],
                    reverse: async (reason) => {
                      onChanged(await call('closing.cancelContribution', { id: c.id, reason }))
                    },
                    done: (reason) => ({
                      text: t('closing.contributionCancelled', { reason }),
                    }),
                  })
                }
              >
                {t('closing.cancelContribution')}
              </ActionButton>
            )}
            actionsWidth={200}
          />
        )}
        <EntryButton label={t('closing.addContribution')} unavailable={unavailable}>
          {(close) => (
            <ContributionForm
              statement={statement}
              onSaved={(next) => {
                close()
                onChanged(next)
              }}
            />
          )}
        </EntryButton>
        {closing ? (
          <Button
            variant="default"
            w="fit-content"
            onClick={() =>
              reversal.ask({
                action: t('closing.reopen'),
                record: t('closing.reopenRecord', {
                  date: formatDate(closing.closedOn, language),
                  refund: amount(statement.refund),
                }),
                figures: [],
                reverse: async (reason) => {
                  onChanged(await call('closing.reopen', { id: closing.id, reason }))
                },
                done: (reason) => ({
                  text: t('closing.reopened', {
                    date: formatDate(closing.closedOn, language),
                    reason,
                  }),
                }),
              })
            }
          >
            {t('closing.reopen')}
          </Button>
        ) : (
          <EntryButton
            label={t('closing.close')}
            unavailable={archived ? t('recordPage.archivedAgreement') : null}
          >
            {(close) => (
              <CloseAgreementForm
                statement={statement}
                onClosed={(next) => {
                  close()
                  onChanged(next)
                }}
              />
            )}
          </EntryButton>
        )}
      </Stack>
    </section>
  )
}

/** Which rule a closing's frozen figures were counted by, and the agreement's own if it changed. */
function ClosingRuleNote({ statement }: { statement: ClosingStatement }) {
  const { t } = useTranslation()
  const used = statement.closing?.conversionRule ?? null
  if (used === null) return <Text size="sm">{t('closing.closedRuleLost')}</Text>
  return (
    <Text size="sm">
      {t('closing.closedRule', { rule: t(`conversion.rule.${used}`) })}
      {used !== statement.conversionRule
        ? ` ${t('closing.ruleChangedSince', {
            rule: t(`conversion.rule.${statement.conversionRule}`),
          })}`
        : ''}
    </Text>
  )
}
