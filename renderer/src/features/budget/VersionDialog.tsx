import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetView } from '@shared/budget/schema'
import { today } from '@shared/validation/dates'
import { call } from '../../lib/api'

export type VersionDialogKind = 'create' | 'copy' | 'adopt'

const TITLES = {
  create: 'budget.form.createTitle',
  copy: 'budget.form.copyTitle',
  adopt: 'budget.form.adoptTitle',
} as const

/**
 * A version's dialog: a new year's budget, the shown one copied to another year, or adopted on
 * a day. `act` runs the change (showing the core's refusal); the version made is then shown.
 */
export function VersionDialog({
  kind,
  view,
  act,
  onDone,
  onClose,
}: {
  kind: VersionDialogKind | null
  view: BudgetView | null
  act: (work: () => Promise<unknown>) => Promise<boolean>
  onDone: (next: BudgetView) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [yearText, setYearText] = useState(String(new Date().getFullYear() + 1))
  const [dateText, setDateText] = useState(today())
  const title = t(TITLES[kind ?? 'create'])
  const save = async () => {
    const next =
      kind === 'adopt' && view
        ? await call('budget.adopt', { versionId: view.version.id, adoptedOn: dateText })
        : kind === 'copy' && view
          ? await call('budget.copyToYear', {
              fromVersionId: view.version.id,
              year: Number(yearText),
            })
          : await call('budget.create', { year: Number(yearText) })
    onClose()
    onDone(next)
  }
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={title}
    >
      <form
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault()
          void act(save)
        }}
      >
        <Stack gap="sm">
          {kind === 'adopt' ? (
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
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
