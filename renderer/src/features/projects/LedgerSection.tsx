import { Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '@shared/projects/schema'
import { TabRegister } from '../../components/list/TabRegister'
import { ledgerColumns } from './project-tab-columns'

/**
 * The ledger entries behind the project's figures: allocations, payments, their reversals; the
 * totals are the project's committed and paid amounts.
 */
export function LedgerSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const columns = useMemo(() => ledgerColumns(t), [t])
  return (
    <section aria-labelledby="project-ledger">
      <Title order={2} size="h4" id="project-ledger" mb="xs">
        {t('projects.ledger.title')}
      </Title>
      {project.ledger.length === 0 ? (
        <Text c="dimmed">{t('projects.ledger.empty')}</Text>
      ) : (
        <TabRegister
          listId="projectLedger"
          label={t('projects.ledger.title')}
          rows={project.ledger}
          columns={columns}
          getRowId={(entry) => entry.id}
          searchPlaceholder={t('recordLists.search.ledger')}
          parameters={[{ label: t('projects.field.code'), value: project.code }]}
        />
      )}
    </section>
  )
}
