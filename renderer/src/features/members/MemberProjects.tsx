import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MemberAccount } from '@shared/dues/schema'
import { useAppStore } from '../../app/app-store'

/** The projects of a member's city, each a link to its page. */
export function MemberProjects({ projects }: { projects: MemberAccount['projects'] }) {
  const { t } = useTranslation()
  const openProject = useAppStore((s) => s.openProject)
  return (
    <section aria-labelledby="member-projects">
      <Title order={2} size="h4" id="member-projects" mb="xs">
        {t('dues.account.projects')}
      </Title>
      {projects.length === 0 ? (
        <Text c="dimmed">{t('common.none')}</Text>
      ) : (
        <Stack gap={4}>
          {projects.map((p) => (
            <Anchor
              key={p.id}
              component="button"
              size="sm"
              onClick={() => openProject(p.id)}
              ta="left"
            >
              {p.code} — {p.title}
            </Anchor>
          ))}
        </Stack>
      )}
    </section>
  )
}
