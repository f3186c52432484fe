import { Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetExpense, BudgetItem, BudgetVersion } from '@shared/budget/schema'
import { ListSelect } from '../../components/ListSelect'
import { useReversal } from '../../components/ReversalDialog'
import { StatusMessage, type Status } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { BudgetItemForm } from './BudgetItemForm'
import { BudgetTable } from './BudgetTable'
import { RemoveItemModal } from './RemoveItemModal'
import { ExpenseForm } from './ExpenseForm'
import { FundsChangeForm } from './FundsChangeForm'
import { ExpensesTable } from './ExpensesTable'
import { SharingKeysPanel } from './SharingKeysPanel'
import { VersionActions } from './VersionActions'
import { VersionDialog, type VersionDialogKind } from './VersionDialog'
import { expenseReversal } from './expense-reversal'
import { useBudgetView } from './use-budget-view'
import { DateField } from '../../components/DateField'
import { useLinkedTab } from '../../lib/use-url-param'

type Editing = { kind: 'chapter' | 'line'; item: BudgetItem | null } | null

/**
 * Budget: the year's versions (initial, revisions, the reference one), its chapters and lines
 * against what the ledger shows was committed and spent, and the expenses charged to it.
 */
export function BudgetPage() {
  const { t } = useTranslation()
  // A link (« Voir » in the journal) may name the tab to open on.
  const [tab, setTab] = useLinkedTab('budgetTab', 'lines')
  const language = useLanguage()
  const budget = useBudgetView()
  const { view } = budget
  const agreements = useChannel('agreements.list', {}).data ?? []
  const [status, setStatus] = useState<Status | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [dialog, setDialog] = useState<VersionDialogKind | 'expense' | null>(null)
  const reversal = useReversal()
  const [changing, setChanging] = useState<BudgetExpense | null>(null)
  // The item whose removal is being asked about: nothing is removed before it is confirmed.
  const [removing, setRemoving] = useState<BudgetItem | null>(null)

  const act = async (work: () => Promise<unknown>) => {
    setStatus(null)
    try {
      await work()
      return true
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error, t('errors.INTERNAL')) })
      return false
    }
  }
  const versionLabel = (v: BudgetVersion) =>
    `${v.year} — ${v.number === 0 ? t('budget.initial') : t('budget.revision', { number: v.number })}${v.isCurrent ? ` (${t('budget.current')})` : ''}`
  const closeModal = () => setDialog(null)

  return (
    <Stack gap="md">
      <Title order={1}>{t('budget.title')}</Title>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      {reversal.dialog}
      <Group align="end">
        <ListSelect
          label={t('budget.version')}
          data={budget.versions.map((v) => ({ value: v.id, label: versionLabel(v) }))}
          value={budget.versionId}
          onChange={(value) => value && budget.reload(value)}
          allowDeselect={false}
          w={320}
        />
        <DateField
          choosesView
          label={t('budget.asOf')}
          value={budget.asOf}
          onChange={(day) => budget.setAsOf(day)}
        />
        <Button variant="default" onClick={() => setDialog('create')}>
          {t('budget.action.create')}
        </Button>
      </Group>
      {!view && <Text c="dimmed">{t('budget.empty')}</Text>}
      {view && (
        <>
          <VersionActions
            view={view}
            act={act}
            show={budget.show}
            onAdd={(kind) => setEditing({ kind, item: null })}
            onDialog={setDialog}
          />
          <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="lines">{t('budget.title')}</Tabs.Tab>
              <Tabs.Tab value="expenses">{t('budget.expenses')}</Tabs.Tab>
              <Tabs.Tab value="keys">{t('costSharing.keys')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="lines" pt="sm">
              <BudgetTable
                view={view}
                agreements={agreements}
                onEdit={(item) => setEditing({ kind: item.kind, item })}
                onRemove={setRemoving}
              />
              <RemoveItemModal
                item={removing}
                version={view.version}
                versionLabel={versionLabel(view.version)}
                onClose={() => setRemoving(null)}
                onConfirm={(item) => {
                  setRemoving(null)
                  void act(async () =>
                    budget.show(await call('budget.removeItem', { id: item.id })),
                  )
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="expenses" pt="sm">
              <Stack gap="sm">
                <Group>
                  <Button size="xs" onClick={() => setDialog('expense')}>
                    {t('budget.action.addExpense')}
                  </Button>
                </Group>
                <ExpensesTable
                  year={view.version.year}
                  expenses={budget.expenses}
                  agreements={agreements}
                  onChangeFunds={setChanging}
                  onCancel={(expense) =>
                    reversal.ask(
                      expenseReversal(expense, view, t, language, async (reason) =>
                        budget.showExpenses(
                          await call('budget.cancelExpense', { id: expense.id, reason }),
                        ),
                      ),
                    )
                  }
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="keys" pt="sm">
              <SharingKeysPanel agreements={agreements} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t('budget.form.itemTitle')}
        size="lg"
      >
        {editing && view && (
          <BudgetItemForm
            view={view}
            item={editing.item}
            kind={editing.kind}
            agreements={agreements}
            onSaved={(next) => {
              setEditing(null)
              budget.show(next)
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'expense'}
        onClose={closeModal}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t('budget.form.expenseTitle')}
        size="lg"
      >
        {view && (
          <ExpenseForm
            view={view}
            agreements={agreements}
            onSaved={(list) => {
              closeModal()
              budget.showExpenses(list)
            }}
            onCancel={closeModal}
          />
        )}
      </Modal>
      <Modal
        opened={changing !== null}
        onClose={() => setChanging(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t('costSharing.change.title')}
        size="lg"
      >
        {changing && (
          <FundsChangeForm
            expense={changing}
            agreements={agreements}
            onSaved={(list) => {
              setChanging(null)
              budget.showExpenses(list)
            }}
            onCancel={() => setChanging(null)}
          />
        )}
      </Modal>
      <VersionDialog
        kind={dialog === 'expense' ? null : dialog}
        view={view}
        act={act}
        onDone={budget.show}
        onClose={closeModal}
      />
    </Stack>
  )
}
