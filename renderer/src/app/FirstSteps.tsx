import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAppStore } from './app-store'
import type { Area } from './area-names'

/** The first steps, each with the area where it is done. */
const STEPS: { key: 'organisation' | 'rates' | 'workbook' | 'funder'; area: Area }[] = [
  { key: 'organisation', area: 'settings' },
  { key: 'rates', area: 'settings' },
  { key: 'workbook', area: 'settings' },
  { key: 'funder', area: 'funders' },
]

/**
 * What an empty file shows in place of empty lists: where to start (the organisation, the
 * rates, a workbook to import, a first funder), each a button to the place it is done.
 */
export function FirstSteps({ area, onDone }: { area: Area; onDone: () => void }) {
  const { t } = useTranslation()
  const setArea = useAppStore((s) => s.setArea)
  const go = (target: Area) => {
    onDone()
    setArea(target)
  }
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t(`nav.${area}`)}</Title>
      <Paper withBorder p="lg" component="section" aria-labelledby="first-steps">
        <Title order={2} size="h3" id="first-steps" mb="xs">
          {t('firstSteps.title')}
        </Title>
        <Text mb="md">{t('firstSteps.intro')}</Text>
        <List type="ordered" spacing="sm">
          {STEPS.map((step) => (
            <List.Item key={step.key}>
              <Group gap="sm" justify="space-between" wrap="nowrap">
                <Text>{t(`firstSteps.${step.key}`)}</Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => go(step.area)}
                  aria-label={`${t('firstSteps.go')} : ${t(`firstSteps.${step.key}`)}`}
                >
                  {t('firstSteps.go')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
        <Button variant="subtle" mt="md" onClick={onDone}>
          {t('firstSteps.skip')}
        </Button>
      </Paper>
    </Stack>
  )
}
