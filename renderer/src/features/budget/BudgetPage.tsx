import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  BudgetExpense,
  BudgetFigures,
  BudgetItem,
  BudgetVersion,
  BudgetView,
} from '@shared/budget/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatPercent } from '@shared/i18n/format-percent'
import { today } from '@shared/validation/dates'
import { Amount } from '../../components/Amount'
import { StatusMessage, type Status } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { BudgetItemForm } from './BudgetItemForm'
import { ExpenseForm } from './ExpenseForm'
import { SharingKeysPanel } from './SharingKeysPanel'
import { ExpensesTable } from './ExpensesTable'
import { useReversal } from '../../components/ReversalDialog'
import { expenseReversal } from './expense-reversal'
import { useChannel } from '../../lib/use-api-data'
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
  const [versions, setVersions] = useState<BudgetVersion[]>([])
  const [versionId, setVersionId] = useState<string | null>(null)
  const [view, setView] = useState<BudgetView | null>(null)
  const agreements = useChannel('agreements.list', {}).data ?? []
  const [expenses, setExpenses] = useState<BudgetExpense[]>([])
  const [status, setStatus] = useState<Status | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [dialog, setDialog] = useState<'create' | 'copy' | 'adopt' | 'expense' | null>(null)
  const [yearText, setYearText] = useState(String(new Date().getFullYear() + 1))
  const [dateText, setDateText] = useState(today())
  const reversal = useReversal()

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
  // What is shown: a version (the year's reference one when null) at a day; `round` reloads.
  const [query, setQuery] = useState({ versionId: null as string | null, asOf: '', round: 0 })
  useEffect(() => {
    let live = true
    void (async () => {
      const list = await call('budget.versions', {})
      const id =
        query.versionId ??
        list.find((v) => v.isCurrent && v.year === new Date().getFullYear())?.id ??
        list[0]?.id ??
        null
      const shown = id
        ? await call('budget.view', { versionId: id, asOf: query.asOf || null })
        : null
      const spent = shown ? await call('budget.expenses', { year: shown.version.year }) : []
      if (!live) return
      setVersions(list)
      setVersionId(id)
      setView(shown)
      setExpenses(spent)
    })()
    return () => {
      live = false
    }
  }, [query])
  const reload = (chosen: string | null) =>
    setQuery((current) => ({ ...current, versionId: chosen, round: current.round + 1 }))

  const show = (next: BudgetView) => {
    setView(next)
    reload(next.version.id)
  }
  const versionLabel = (v: BudgetVersion) =>
    `${v.year} — ${v.number === 0 ? t('budget.initial') : t('budget.revision', { number: v.number })}${v.isCurrent ? ` (${t('budget.current')})` : ''}`

  return (
    <Stack gap="md">
      <Title order={1}>{t('budget.title')}</Title>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      {reversal.dialog}
      <Group align="end">
        <ListSelect
          label={t('budget.version')}
          data={versions.map((v) => ({ value: v.id, label: versionLabel(v) }))}
          value={versionId}
          onChange={(value) => value && reload(value)}
          allowDeselect={false}
          w={320}
        />
        <TextInput
          type="date"
          label={t('budget.asOf')}
          value={query.asOf}
          onChange={(e) => {
            const day = e.currentTarget.value
            setQuery((current) => ({ ...current, asOf: day, round: current.round + 1 }))
          }}
        />
        <Button variant="default" onClick={() => setDialog('create')}>
          {t('budget.action.create')}
        </Button>
      </Group>
      {!view && <Text c="dimmed">{t('budget.empty')}</Text>}
      {view && (
        <>
          <Group gap="xs">
            {view.version.isCurrent && <Badge variant="light">{t('budget.current')}</Badge>}
            <Text size="sm" c="dimmed">
              {view.version.adoptedOn
                ? t('budget.adoptedOn', { date: formatDate(view.version.adoptedOn, language) })
                : t('budget.notAdopted')}
            </Text>
          </Group>
          {!view.version.editable && <Alert color="gray">{t('budget.frozen')}</Alert>}
          <Group gap="xs">
            {view.version.editable && (
              <>
                <Button size="xs" onClick={() => setEditing({ kind: 'chapter', item: null })}>
                  {t('budget.action.addChapter')}
                </Button>
                <Button size="xs" onClick={() => setEditing({ kind: 'line', item: null })}>
                  {t('budget.action.addLine')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setDialog('adopt')}>
                  {t('budget.action.adopt')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    void act(async () =>
                      show(await call('budget.revise', { versionId: view.version.id })),
                    )
                  }
                >
                  {t('budget.action.revise')}
                </Button>
              </>
            )}
            {!view.version.isCurrent && (
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  void act(async () =>
                    show(await call('budget.setCurrent', { versionId: view.version.id })),
                  )
                }
              >
                {t('budget.action.setCurrent')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => setDialog('copy')}>
              {t('budget.action.copy')}
            </Button>
          </Group>
          <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="lines">{t('budget.title')}</Tabs.Tab>
              <Tabs.Tab value="expenses">{t('budget.expenses')}</Tabs.Tab>
              <Tabs.Tab value="keys">{t('costSharing.keys')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="lines" pt="sm">
              <BudgetTable
                view={view}
                onEdit={(item) => setEditing({ kind: item.kind, item })}
                onRemove={(item) =>
                  void act(async () => show(await call('budget.removeItem', { id: item.id })))
                }
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
                  expenses={expenses}
                  onCancel={(expense) =>
                    reversal.ask(
                      expenseReversal(expense, view, t, language, async (reason) => {
                        setExpenses(await call('budget.cancelExpense', { id: expense.id, reason }))
                        reload(view.version.id)
                      }),
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
              show(next)
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'expense'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t('budget.form.expenseTitle')}
        size="lg"
      >
        {view && (
          <ExpenseForm
            view={view}
            agreements={agreements}
            onSaved={(list) => {
              setDialog(null)
              setExpenses(list)
              reload(view.version.id)
            }}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'create' || dialog === 'copy' || dialog === 'adopt'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={t(
          dialog === 'adopt'
            ? 'budget.form.adoptTitle'
            : dialog === 'copy'
              ? 'budget.form.copyTitle'
              : 'budget.form.createTitle',
        )}
      >
        <form
          aria-label={t(
            dialog === 'adopt'
              ? 'budget.form.adoptTitle'
              : dialog === 'copy'
                ? 'budget.form.copyTitle'
                : 'budget.form.createTitle',
          )}
          onSubmit={(event) => {
            event.preventDefault()
            void act(async () => {
              const next =
                dialog === 'adopt' && view
                  ? await call('budget.adopt', { versionId: view.version.id, adoptedOn: dateText })
                  : dialog === 'copy' && view
                    ? await call('budget.copyToYear', {
                        fromVersionId: view.version.id,
                        year: Number(yearText),
                      })
                    : await call('budget.create', { year: Number(yearText) })
              setDialog(null)
              show(next)
            })
          }}
        >
          <Stack gap="sm">
            {dialog === 'adopt' ? (
              <TextInput
                type="date"
                label={t('budget.form.adoptedOn')}
                value={dateText}
                onChange={(e) => setDateText(e.currentTarget.value)}
              />
            ) : (
              <TextInput
                label={t('budget.form.targetYear')}
                inputMode="numeric"
                value={yearText}
                onChange={(e) => setYearText(e.currentTarget.value)}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  )
}

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

function BudgetTable({
  view,
  onEdit,
  onRemove,
}: {
  view: BudgetView
  onEdit: (item: BudgetItem) => void
  onRemove: (item: BudgetItem) => void
}) {
  const { t } = useTranslation()
  const { totals } = view
  const header = (
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
      {view.version.editable && <Table.Th>{t('common.actions')}</Table.Th>}
    </Table.Tr>
  )
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped aria-label={t('budget.title')} fz="sm">
          <Table.Thead>{header}</Table.Thead>
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
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onEdit(item)}
                        aria-label={`${t('budget.action.edit')} ${item.code}`}
                      >
                        {t('budget.action.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onRemove(item)}
                        aria-label={`${t('budget.action.remove')} ${item.code}`}
                      >
                        {t('budget.action.remove')}
                      </Button>
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
        <Table.Thead>{header}</Table.Thead>
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
              {view.version.editable && <Table.Td />}
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
            <Table.Td colSpan={view.version.editable ? 4 : 3} />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
