import { formatSize } from '@shared/i18n/format-size'
import { Button, Group, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '@shared/projects/schema'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { formatDateTime } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import type { ProjectSectionProps } from './use-project-form'

/** Files attached to the project, copied beside the data file so they travel with it. */
export function DocumentsSection({ project, onSaved, onError }: ProjectSectionProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [title, setTitle] = useState('')
  const run = async (action: () => Promise<ProjectDetail | null>, message: string) => {
    try {
      const next = await action()
      if (next) onSaved(next, message)
    } catch (failure) {
      if (!isCancelled(failure)) onError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  const size = (bytes: number) => formatSize(bytes, language)
  return (
    <section aria-labelledby="project-documents">
      <Title order={2} size="h4" id="project-documents" mb="xs">
        {t('projects.documents.title')}
      </Title>
      {project.documents.length === 0 ? (
        <Text c="dimmed">{t('projects.documents.empty')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('projects.documents.title')}>
          <Table.Tbody>
            {project.documents.map((document) => (
              <Table.Tr key={document.id} data-record-id={document.id}>
                <Table.Td>{document.title}</Table.Td>
                <Table.Td>{document.originalName}</Table.Td>
                <Table.Td>{size(document.size)}</Table.Td>
                <Table.Td>{formatDateTime(document.addedAt, language)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() =>
                        void run(async () => {
                          await call('projects.openDocument', { id: document.id })
                          return null
                        }, '')
                      }
                    >
                      {t('projects.documents.open')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        void run(
                          () => call('projects.detachDocument', { id: document.id }),
                          t('projects.documents.detached'),
                        )
                      }
                    >
                      {t('projects.documents.detach')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {project.archivedAt === null && (
        <Group align="flex-end" mt="sm">
          <TextInput
            label={t('projects.documents.name')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Button
            variant="light"
            onClick={() =>
              void run(async () => {
                const next = await call('projects.attachDocument', { projectId: project.id, title })
                setTitle('')
                return next
              }, t('projects.documents.attached'))
            }
          >
            {t('projects.documents.attach')}
          </Button>
        </Group>
      )}
    </section>
  )
}
