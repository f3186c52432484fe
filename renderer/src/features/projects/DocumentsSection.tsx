import { formatSize } from '@shared/i18n/format-size'
import { Button, Group, Text, TextInput, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail, ProjectDocument } from '@shared/projects/schema'
import type { Language } from '@shared/i18n/locale'
import { formatDateTime } from '@shared/i18n/format-dates'
import { dateColumn, textColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'
import { TabRegister } from '../../components/list/TabRegister'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import type { ProjectSectionProps } from './use-project-form'

/** A document's title, file, size (as the reader writes it) and when it was attached. */
function documentColumns(t: TFunction, language: Language): ListColumn<ProjectDocument>[] {
  return [
    textColumn('title', t('projects.documents.name'), (d) => d.title, { width: 220 }),
    textColumn('file', t('recordLists.file'), (d) => d.originalName, {
      width: 220,
      groupable: false,
    }),
    {
      id: 'size',
      kind: 'number',
      value: (d) => d.size,
      cell: (d) => formatSize(d.size, language),
      header: t('projects.documents.size'),
      width: 100,
    },
    dateColumn('addedAt', t('recordLists.addedOn'), (d) => d.addedAt.slice(0, 10), {
      cell: (d) => formatDateTime(d.addedAt, language),
      width: 130,
    }),
  ]
}

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
  const columns = useMemo(() => documentColumns(t, language), [t, language])
  return (
    <section aria-labelledby="project-documents">
      <Title order={2} size="h4" id="project-documents" mb="xs">
        {t('projects.documents.title')}
      </Title>
      {project.documents.length === 0 ? (
        <Text c="dimmed">{t('projects.documents.empty')}</Text>
      ) : (
        <TabRegister
          listId="projectDocuments"
          label={t('projects.documents.title')}
          rows={project.documents}
          columns={columns}
          getRowId={(document) => document.id}
          searchPlaceholder={t('recordLists.search.documents')}
          parameters={[{ label: t('projects.field.code'), value: project.code }]}
          rowActions={(document) => (
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
          )}
          actionsWidth={170}
        />
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
