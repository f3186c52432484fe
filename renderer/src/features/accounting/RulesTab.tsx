import { Badge, Button, Group, SimpleGrid, Stack } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import {
  ROLE_CONDITIONS,
  RULE_ROLES,
  type RuleCondition,
  type RuleRole,
} from '@shared/accounting/chart'
import type { RuleInput, RuleView } from '@shared/accounting/schema'
import { FUNDER_KINDS } from '@shared/funders/schema'
import { call } from '../../lib/api'
import type { PlanProps } from './plan-props'
import { fieldErrors } from './field-errors'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { ACCOUNTING_LIST_HEIGHT, RowActions, SaveOrCancel } from './RowActions'

type Draft = Required<Pick<RuleInput, 'role' | 'account'>> & Record<RuleCondition, string | null>

const EMPTY: Draft = {
  role: 'expense',
  account: '',
  fundClass: null,
  nature: null,
  funderKind: null,
  budgetLine: null,
}

/**
 * Correspondances: which account each role of a ledger event goes to, by class of funds,
 * nature, kind of funder or budget line; the chart's defaults and the file's own rules.
 */
export function RulesTab({ plan, change }: PlanProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [view, setView] = useListView('accountingRules')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLFormElement>(errors)
  const accountOptions = plan.accounts.map((a) => ({
    value: a.number,
    label: `${a.number} – ${a.label}`,
  }))
  const choices: Record<RuleCondition, { value: string; label: string }[]> = {
    fundClass: (['tied', 'untied'] as const).map((v) => ({
      value: v,
      label: t(`agreements.fundClass.${v}`),
    })),
    nature: (['operating', 'investment'] as const).map((v) => ({
      value: v,
      label: t(`agreements.nature.${v}`),
    })),
    funderKind: FUNDER_KINDS.map((v) => ({ value: v, label: t(`funders.kind.${v}`) })),
    budgetLine: plan.budgetLines.map((l) => ({ value: l.code, label: `${l.code} – ${l.label}` })),
  }
  const conditionsOf = (rule: RuleView | Draft) =>
    ROLE_CONDITIONS[rule.role]
      .filter((c) => rule[c] !== null)
      .map((c) => choices[c].find((o) => o.value === rule[c])?.label ?? String(rule[c]))
      .join(', ') || t('accounting.condition.any')

  async function save() {
    if (!draft) return
    // The choices offered are the schema's; the core validates them again.
    const failure = await change(() => call('accounting.saveRule', draft as RuleInput))
    if (failure) setErrors(fieldErrors(failure))
    else {
      setDraft(null)
      setErrors({})
    }
  }

  const rules = plan.rules.filter((r) => r.validUntil === null)
  return (
    <Stack>
      <Group>
        <Button variant="light" onClick={() => setDraft({ ...EMPTY })}>
          {t('accounting.addRule')}
        </Button>
      </Group>
      {draft && (
        <form
          ref={refusals}
          aria-label={t('accounting.addRule')}
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <SimpleGrid cols={{ base: 2, lg: 3 }}>
            <ListSelect
              label={t('accounting.col.role')}
              data={RULE_ROLES.map((r) => ({ value: r, label: t(`accounting.role.${r}`) }))}
              value={draft.role}
              onChange={(value) =>
                value && setDraft({ ...EMPTY, account: draft.account, role: value as RuleRole })
              }
              allowDeselect={false}
              error={errors.role}
            />
            {ROLE_CONDITIONS[draft.role].map((condition) => (
              <ListSelect
                key={condition}
                label={t(`accounting.condition.${condition}`)}
                data={choices[condition]}
                value={draft[condition]}
                onChange={(value) => setDraft({ ...draft, [condition]: value })}
                placeholder={t('accounting.condition.any')}
                clearable
                searchable
                error={errors[condition]}
              />
            ))}
            <ListSelect
              label={t('accounting.col.account')}
              data={accountOptions}
              value={draft.account || null}
              onChange={(value) => setDraft({ ...draft, account: value ?? '' })}
              searchable
              error={errors.account}
            />
          </SimpleGrid>
          <SaveOrCancel onCancel={() => setDraft(null)} />
        </form>
      )}
      <RegisterList
        listId="accountingRules"
        label={t('accounting.tabs.rules')}
        rows={rules}
        columns={[
          {
            id: 'role',
            kind: 'text',
            header: t('accounting.col.role'),
            value: (rule) => t(`accounting.role.${rule.role}`),
            width: 200,
          },
          {
            id: 'conditions',
            kind: 'text',
            header: t('accounting.col.conditions'),
            value: conditionsOf,
            width: 150,
            priority: 3,
          },
          {
            id: 'account',
            kind: 'text',
            header: t('accounting.col.account'),
            value: (rule) => `${rule.account} – ${rule.accountLabel}`,
            width: 260,
            // The account is what a correspondence says: kept before its conditions and origin.
            priority: 1,
          },
          {
            id: 'origin',
            kind: 'text',
            header: t('accounting.col.origin'),
            value: (rule) =>
              rule.isDefault ? t('accounting.defaultOrigin') : t('accounting.userOrigin'),
            cell: (rule) => (
              <Badge variant="light" color={rule.isDefault ? 'gray' : 'blue'} miw="max-content">
                {rule.isDefault ? t('accounting.defaultOrigin') : t('accounting.userOrigin')}
              </Badge>
            ),
            width: 110,
            priority: 2,
          },
        ]}
        getRowId={(rule) => rule.id ?? `default-${rule.role}-${conditionsOf(rule)}`}
        view={view}
        onView={setView}
        searchPlaceholder={t('accounting.searchRules')}
        height={ACCOUNTING_LIST_HEIGHT}
        actionsWidth={190}
        rowActions={(rule) => (
          <RowActions
            editLabel={`${t('accounting.edit')} ${t(`accounting.role.${rule.role}`)} ${conditionsOf(rule)}`}
            onEdit={() => {
              setErrors({})
              setDraft({
                role: rule.role,
                account: rule.account,
                fundClass: rule.fundClass,
                nature: rule.nature,
                funderKind: rule.funderKind,
                budgetLine: rule.budgetLine,
              })
            }}
            onRemove={
              rule.id
                ? () => void change(() => call('accounting.removeRule', { id: rule.id ?? '' }))
                : null
            }
          />
        )}
      />
    </Stack>
  )
}
