import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail, Receipt } from '@shared/funds/schema'
import { basisPointsToPercent } from '@shared/validation/amounts'
import { Amount } from '../../components/Amount'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { RecordHistory } from '../../components/RecordHistory'
import { call, errorMessage } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { AgreementForm } from './AgreementForm'
import { AmendmentForm } from './AmendmentForm'
import { FiguresTable } from './FiguresTable'
import { HeadingsSection } from './HeadingsSection'
import { NamedProjectsSection } from './NamedProjectsSection'
import { InstalmentsSection, ReportsSection } from './ScheduleSections'
import { ReceiptForm } from './ReceiptForm'
import { Term } from '../../components/Term'
import { SentReportsNotice } from '../accounting/SentReportsNotice'
import { useProgrammes } from '../programmes/use-programmes'
import { type ReversalFigure, useReversal } from '../../components/ReversalDialog'
import { formatMoney, formatRate } from '@shared/money/format'
import { money } from '@shared/money/money'

/** One agreement: its terms, its position in its currency and in euros, receipts and amendments. */
export function AgreementPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
  const [agreement, setAgreement] = useState<AgreementDetail | null>(null)
  const [editing, setEditing] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const [asOf, setAsOf] = useState('')
  const reversal = useReversal()
  useEffect(() => {
    let current = true
    call('agreements.get', asOf ? { id, asOf } : { id }).then(
      (a) => current && setAgreement(a),
      (failure: unknown) =>
        current && setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) }),
    )
    return () => {
      current = false
    }
  }, [id, t, asOf])

  if (!agreement) return status ? <Alert color="red">{status.text}</Alert> : null
  const archived = agreement.archivedAt !== null
  const updated = (next: AgreementDetail, message: string) => {
    setAgreement(next)
    setStatus({ ok: true, text: message })
  }

  /** Asks for the reason and shows what the agreement's position loses before reversing. */
  function cancelReceipt(receipt: Receipt, shown: AgreementDetail) {
    const amount = formatMoney(money(receipt.amount, receipt.currency), language)
    const date = formatDate(receipt.receivedOn, language)
    const less = (
      key: 'received' | 'available',
      currency: ReversalFigure['currency'],
      before: number,
      by: number,
    ): ReversalFigure => ({
      label: `${t(`agreements.figure.${key}`)} (${currency})`,
      currency,
      before,
      after: before - by,
    })
    reversal.ask({
      action: t('agreements.receipt.cancel'),
      record: t('reversal.receipt.record', {
        date,
        amount,
        eur: formatMoney(money(receipt.eurAmount, 'EUR'), language),
      }),
      figures: [
        less('received', shown.currency, shown.figures.received, receipt.amount),
        less('available', shown.currency, shown.figures.available, receipt.amount),
        ...(shown.currency === 'EUR'
          ? []
          : [
              less('received', 'EUR', shown.figuresEur.received, receipt.eurAmount),
              less('available', 'EUR', shown.figuresEur.available, receipt.eurAmount),
            ]),
      ],
      reverse: async (reason) => {
        setAgreement(await call('receipts.cancel', { id: receipt.id, reason }))
        setStatus(null)
      },
      done: (reason) => ({ text: t('reversal.receipt.done', { date, amount, reason }) }),
    })
  }

  const term = (label: string, value: ReactNode) => (
    <Term key={label} label={label}>
      {value}
    </Term>
  )

  return (
    <Stack gap="md">
      <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
        ← {t('agreements.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{agreement.reference}</Title>
          <Text>{agreement.title}</Text>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color={agreement.fundClass === 'untied' ? 'green' : 'blue'}>
              {t(`agreements.fundClass.${agreement.fundClass}`)}
            </Badge>
            <Badge variant="light" color="gray">
              {t(`agreements.nature.${agreement.nature}`)}
            </Badge>
            {archived && <Badge color="gray">{t('common.archived')}</Badge>}
          </Group>
        </div>
        <Button variant="default" onClick={() => setEditing(true)} disabled={archived}>
          {t('common.edit')}
        </Button>
      </Group>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <SentReportsNotice agreementId={agreement.id} version={agreement} />
      {reversal.dialog}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {term(t('agreements.field.funder'), agreement.funderName)}
          {term(t('agreements.field.signedOn'), formatDate(agreement.signedOn, language))}
          {term(t('agreements.field.startsOn'), formatDate(agreement.startsOn, language))}
          {term(t('agreements.field.endsOn'), formatDate(agreement.currentEndsOn, language))}
          {term(
            t('agreements.field.amount'),
            <Amount minor={agreement.initialAmount} currency={agreement.currency} />,
          )}
          {term(
            t('agreements.field.earmarking'),
            t(`agreements.earmarking.${agreement.earmarking}`),
          )}
          {term(t('agreements.field.programme'), agreement.programme)}
          {agreement.programmeCode &&
            term(t('agreements.field.programmeCode'), programmes.name(agreement.programmeCode))}
          {term(
            t('agreements.field.cofinancing'),
            agreement.cofinancingBp === null
              ? ''
              : `${basisPointsToPercent(agreement.cofinancingBp)} %`,
          )}
          {term(
            t('agreements.field.indirectCostMax'),
            agreement.indirectCostMaxBp === null
              ? ''
              : `${basisPointsToPercent(agreement.indirectCostMaxBp)} %`,
          )}
          {agreement.nature === 'mixed' &&
            term(
              t('agreements.field.operatingShare'),
              `${basisPointsToPercent(agreement.operatingShareBp ?? 0)} %`,
            )}
        </SimpleGrid>
        {agreement.notes && (
          <Text size="sm" mt="sm">
            {agreement.notes}
          </Text>
        )}
      </Paper>

      <section aria-labelledby="agreement-figures">
        <Group justify="space-between" align="flex-end" mb="xs" maw={640}>
          <Title order={2} size="h4" id="agreement-figures">
            {t('agreements.figures')}
          </Title>
          <TextInput
            type="date"
            size="xs"
            label={t('agreements.asOf')}
            value={asOf}
            onChange={(event) => setAsOf(event.currentTarget.value)}
          />
        </Group>
        <FiguresTable
          figures={agreement.figures}
          figuresEur={agreement.figuresEur}
          currency={agreement.currency}
        />
      </section>

      <section aria-labelledby="agreement-receipts">
        <Title order={2} size="h4" id="agreement-receipts" mb="xs">
          {t('agreements.receipts')}
        </Title>
        {agreement.receipts.length === 0 ? (
          <Text c="dimmed">{t('agreements.noReceipts')}</Text>
        ) : (
          <Table withTableBorder striped aria-label={t('agreements.receipts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.receipt.receivedOn')}</Table.Th>
                <Table.Th ta="right">
                  {t('agreements.receipt.amount', { currency: agreement.currency })}
                </Table.Th>
                <Table.Th ta="right">{t('agreements.receipt.rateUsed')}</Table.Th>
                <Table.Th ta="right">{t('agreements.receipt.eur')}</Table.Th>
                <Table.Th>{t('agreements.receipt.bankReference')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.receipts.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.receivedOn, language)}</Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={r.amount} currency={r.currency} />
                  </Table.Td>
                  <Table.Td ta="right" title={r.rateSource}>
                    {formatRate(r.rate, language)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={r.eurAmount} currency="EUR" />
                  </Table.Td>
                  <Table.Td>{r.bankReference}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      disabled={archived}
                      onClick={() => cancelReceipt(r, agreement)}
                    >
                      {t('agreements.receipt.cancel')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!archived && (
          <Paper withBorder p="md" mt="sm">
            <ReceiptForm
              agreement={agreement}
              onSaved={(a) => updated(a, t('agreements.receipt.added'))}
            />
          </Paper>
        )}
      </section>

      {agreement.earmarking === 'projects' && (
        <NamedProjectsSection
          agreement={agreement}
          onSaved={updated}
          onError={(text) => setStatus({ ok: false, text })}
        />
      )}
      <InstalmentsSection agreement={agreement} onSaved={updated} />
      <HeadingsSection
        key={JSON.stringify(agreement.budget.headings)}
        agreement={agreement}
        onSaved={updated}
      />
      <ReportsSection agreement={agreement} onSaved={updated} />

      <section aria-labelledby="agreement-amendments">
        <Title order={2} size="h4" id="agreement-amendments" mb="xs">
          {t('agreements.amendments')}
        </Title>
        {agreement.amendments.length === 0 ? (
          <Text c="dimmed">{t('agreements.noAmendments')}</Text>
        ) : (
          <Table withTableBorder aria-label={t('agreements.amendments')}>
            <Table.Tbody>
              {agreement.amendments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDate(a.signedOn, language)}</Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={a.amountChange} currency={agreement.currency} />
                  </Table.Td>
                  <Table.Td>
                    {a.newEndsOn
                      ? `${t('agreements.amendment.newEndsOn')} : ${formatDate(a.newEndsOn, language)}`
                      : ''}
                  </Table.Td>
                  <Table.Td>{a.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!archived && (
          <Paper withBorder p="md" mt="sm">
            <AmendmentForm
              agreement={agreement}
              onSaved={(a) => updated(a, t('agreements.amendment.added'))}
            />
          </Paper>
        )}
      </section>

      <Divider />
      <RecordHistory table="agreements" id={agreement.id} version={agreement.updatedAt} />

      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        position="right"
        size="xl"
        title={t('agreements.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <AgreementForm
            agreement={agreement}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false)
              updated(saved, t('agreements.updated', { reference: saved.reference }))
            }}
          />
        )}
      </Drawer>
    </Stack>
  )
}
