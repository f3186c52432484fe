import { Group, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BudgetFigures, BudgetItem, BudgetView } from '@shared/budget/schema'
import type { Agreement } from '@shared/funds/schema'
import { formatPercent } from '@shared/i18n/format-percent'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'
import { useClosedAgreementReason } from '../agreements/agreement-choices'

/** A row's figures: planned, committed, spent, remaining (in euros), executed, variance. */
function FigureCells({ figures }: { figures: BudgetFigures }) {
  const language = useLanguage()
  return (
    <>
      {(['planned', 'committed', 'spent', 'remaining'] as const).map((key) => (
        <Table.Td key={key} ta="right" style={{ whiteSpace: 'nowrap' }}>
          <Amount minor={figures[key]} currency="EUR" />
        </Table.Td>
      ))}
      <Table.Td ta="right">{formatPercent(figures.executed, language)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Amount minor={figures.variance} currency="EUR" />
      </Table.Td>
    </>
  )
}

/**
 * The version's chapters and lines against the ledger's actuals, then its totals (income and
 * expense, by nature and by source, the balance). A line funded by a closed agreement is not
 * changed: its buttons say why, as on the agreement's page.
 */
export function BudgetTable({
  view,
  agreements,
  onEdit,
  onRemove,
}: {
  view: BudgetView
  agreements: readonly Agreement[]
  onEdit: (item: BudgetItem) => void
  onRemove: (item: BudgetItem) => void
}) {
  const { t } = useTranslation()
  const closedReason = useClosedAgreementReason(agreements)
  const { totals } = view
  const unavailable = (item: BudgetItem) =>
    item.sources.map((source) => closedReason(source.agreementId)).find(Boolean) ?? null
  // The totals' table has no actions: no empty « Actions » column there.
  const header = (withActions: boolean) => (
    <Table.Tr>
      <Table.Th>{t('budget.col.code')}</Table.Th>
      <Table.Th>{t('budget.col.label')}</Table.Th>
      {(['planned', 'committed', 'spent', 'remaining', 'executed', 'variance'] as const).map(
        (key) => (
          <Table.Th key={key} ta="right">
            {t(`budget.col.${key}`)}
          </Table.Th>
        ),
      )}
      {withActions && <Table.Th>{t('common.actions')}</Table.Th>}
    </Table.Tr>
  )
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={900}>
        {/* Tighter cells, and a line's two buttons one above the other when room is short:
            at 1280 px the table ran 90 px past its box, « Modifier » and « Retirer » cut off
            and the labels squeezed to a word a line. */}
        <Table withTableBorder striped aria-label={t('budget.title')} fz="sm" horizontalSpacing={6}>
          <Table.Thead>{header(view.version.editable)}</Table.Thead>
          <Table.Tbody>
            {view.items.map((item) => (
              <Table.Tr
                key={item.id}
                data-record-id={item.id}
                fw={item.kind === 'chapter' ? 700 : undefined}
              >
                <Table.Td>{item.code}</Table.Td>
                <Table.Td pl={item.depth * 16 + 10}>
                  {item.label}
                  {item.noSource && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('budget.noSourceNoActuals')}
                    </Text>
                  )}
                </Table.Td>
                <FigureCells figures={item.figures} />
                {view.version.editable && (
                  <Table.Td>
                    <Group gap={4}>
                      {(
                        [
                          ['edit', undefined, onEdit],
                          ['remove', 'red', onRemove],
                        ] as const
                      ).map(([action, color, run]) => (
                        <ActionButton
                          key={action}
                          size="compact-xs"
                          variant="subtle"
                          color={color}
                          unavailable={unavailable(item)}
                          onClick={() => run(item)}
                          aria-label={`${t(`budget.action.${action}`)} ${item.code}`}
                        >
                          {t(`budget.action.${action}`)}
                        </ActionButton>
                      ))}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">
        {t('budget.totals')}
      </Title>
      <Table withTableBorder aria-label={t('budget.totals')} fz="sm">
        <Table.Thead>{header(false)}</Table.Thead>
        <Table.Tbody>
          {(
            [
              [t('budget.direction.income'), totals.income],
              [t('budget.direction.expense'), totals.expense],
              [t('budget.nature.operating'), totals.byNature.operating],
              [t('budget.nature.investment'), totals.byNature.investment],
              [t('agreements.fundClass.tied'), totals.bySource.tied],
              [t('agreements.fundClass.untied'), totals.bySource.untied],
            ] as const
          ).map(([label, figures]) => (
            <Table.Tr key={label}>
              <Table.Td />
              <Table.Td>{label}</Table.Td>
              <FigureCells figures={figures} />
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td />
            <Table.Td>{t('budget.balance')}</Table.Td>
            <Table.Td ta="right">
              <Amount minor={totals.balancePlanned} currency="EUR" />
            </Table.Td>
            <Table.Td />
            <Table.Td ta="right">
              <Amount minor={totals.balanceActual} currency="EUR" />
            </Table.Td>
            <Table.Td colSpan={3} />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
