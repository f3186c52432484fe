import { Alert, Badge, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BudgetView } from '@shared/budget/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import type { VersionDialogKind } from './VersionDialog'

/**
 * The shown version's state (the reference one, adopted or not, frozen) and what can be done
 * with it: add a chapter or a line, adopt, revise, make it the reference, copy it to a year.
 */
export function VersionActions({
  view,
  act,
  show,
  onAdd,
  onDialog,
}: {
  view: BudgetView
  act: (work: () => Promise<unknown>) => Promise<boolean>
  show: (next: BudgetView) => void
  onAdd: (kind: 'chapter' | 'line') => void
  onDialog: (kind: VersionDialogKind) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { version } = view
  const change = (channel: 'budget.revise' | 'budget.setCurrent') =>
    void act(async () => show(await call(channel, { versionId: version.id })))
  return (
    <>
      <Group gap="xs">
        {version.isCurrent && <Badge variant="light">{t('budget.current')}</Badge>}
        <Text size="sm" c="dimmed">
          {version.adoptedOn
            ? t('budget.adoptedOn', { date: formatDate(version.adoptedOn, language) })
            : t('budget.notAdopted')}
        </Text>
      </Group>
      {!version.editable && <Alert color="gray">{t('budget.frozen')}</Alert>}
      <Group gap="xs">
        {version.editable && (
          <>
            <Button size="xs" onClick={() => onAdd('chapter')}>
              {t('budget.action.addChapter')}
            </Button>
            <Button size="xs" onClick={() => onAdd('line')}>
              {t('budget.action.addLine')}
            </Button>
            <Button size="xs" variant="default" onClick={() => onDialog('adopt')}>
              {t('budget.action.adopt')}
            </Button>
            <Button size="xs" variant="default" onClick={() => change('budget.revise')}>
              {t('budget.action.revise')}
            </Button>
          </>
        )}
        {!version.isCurrent && (
          <Button size="xs" variant="default" onClick={() => change('budget.setCurrent')}>
            {t('budget.action.setCurrent')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => onDialog('copy')}>
          {t('budget.action.copy')}
        </Button>
      </Group>
    </>
  )
}
