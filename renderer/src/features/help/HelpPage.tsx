import { Kbd, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The shortcuts (a key named in words is a catalogue key) of the window, as use-shortcuts.ts binds them (and the palette's own keys). */
const SHORTCUTS = [
  { keys: ['Ctrl', 'K'], action: 'palette' },
  { keys: ['Ctrl', 'Z'], action: 'undo' },
  { keys: ['Alt', '1 … 9'], action: 'areas' },
  { keys: ['F1'], action: 'help' },
  { keys: ['shortcuts.escapeKey'], action: 'close' },
  { keys: ['↑', '↓', 'shortcuts.enterKey'], action: 'listKeys' },
] as const

/** Aide: what the application is for, and its keyboard shortcuts. */
export function HelpPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={880}>
      <Title order={1}>{t('help.title')}</Title>
      <Text>{t('help.intro')}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="help-shortcuts">
        <Title order={2} size="h4" id="help-shortcuts" mb="sm">
          {t('shortcuts.title')}
        </Title>
        <Table aria-labelledby="help-shortcuts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shortcuts.key')}</Table.Th>
              <Table.Th>{t('shortcuts.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SHORTCUTS.map(({ keys, action }) => (
              <Table.Tr key={action}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' + '}
                      <Kbd>
                        {key.startsWith('shortcuts.') ? t(key as 'shortcuts.enterKey') : key}
                      </Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>{t(`shortcuts.${action}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
