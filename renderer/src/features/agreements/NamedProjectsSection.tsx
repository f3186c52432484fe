import { Anchor, Button, Group, Table, Text, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { useAppStore } from '../../app/app-store'
import { call, errorMessage } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'

/** The projects a project-tied agreement finances: it may finance no other. */
export function NamedProjectsSection({
  agreement,
  onSaved,
  onError,
}: {
  agreement: AgreementDetail
  onSaved: (agreement: AgreementDetail, message: string) => void
  onError: (message: string) => void
}) {
  const { t } = useTranslation()
  const openProject = useAppStore((s) => s.openProject)
  const projects = useChannel('projects.list', {}).data ?? []
  const [chosen, setChosen] = useState<string | null>(null)
  const named = new Set(agreement.namedProjects.map((p) => p.id))
  const change = async (
    channel: 'agreements.nameProject' | 'agreements.unnameProject',
    projectId: string,
    message: string,
  ) => {
    try {
      onSaved(await call(channel, { agreementId: agreement.id, projectId }), message)
      setChosen(null)
    } catch (failure) {
      onError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  return (
    <section aria-labelledby="agreement-projects">
      <Title order={2} size="h4" id="agreement-projects" mb={4}>
        {t('projects.namedProjects.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('projects.namedProjects.hint')}
      </Text>
      {agreement.namedProjects.length === 0 ? (
        <Text c="dimmed">{t('projects.namedProjects.empty')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('projects.namedProjects.title')}>
          <Table.Tbody>
            {agreement.namedProjects.map((project) => (
              <Table.Tr key={project.id} data-record-id={project.id}>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => openProject(project.id)}>
                    {project.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{project.title}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      void change(
                        'agreements.unnameProject',
                        project.id,
                        t('projects.namedProjects.removed'),
                      )
                    }
                  >
                    {t('projects.namedProjects.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {agreement.archivedAt === null && (
        <Group align="flex-end" mt="sm">
          <ListSelect
            label={t('projects.namedProjects.project')}
            data={projects
              .filter((p) => !named.has(p.id))
              .map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` }))}
            value={chosen}
            onChange={setChosen}
            searchable
            w={480}
          />
          <Button
            variant="light"
            disabled={chosen === null}
            onClick={() =>
              chosen &&
              void change('agreements.nameProject', chosen, t('projects.namedProjects.added'))
            }
          >
            {t('projects.namedProjects.add')}
          </Button>
        </Group>
      )}
    </section>
  )
}
