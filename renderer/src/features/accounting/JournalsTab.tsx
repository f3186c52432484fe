import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import type { AccountingSettings } from '@shared/accounting/schema'
import { call } from '../../lib/api'
import type { PlanProps } from './plan-props'
import { fieldErrors } from './field-errors'

/** Journaux: the general and opening journals' codes and names, and the SIREN of the FEC. */
export function JournalsTab({ plan, change }: PlanProps) {
  const { t } = useTranslation()
  const [values, setValues] = useState<AccountingSettings>(plan.settings)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLFormElement>(errors)
  const field = (name: keyof AccountingSettings, label: string) => (
    <TextInput
      label={label}
      value={values[name] ?? ''}
      onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
      error={errors[name]}
    />
  )
  return (
    <form
      ref={refusals}
      aria-label={t('accounting.tabs.journals')}
      onSubmit={(event) => {
        event.preventDefault()
        void change(() => call('accounting.saveSettings', values)).then((failure) =>
          setErrors(fieldErrors(failure)),
        )
      }}
    >
      <Stack>
        <SimpleGrid cols={2}>
          {field(
            'generalJournalCode',
            `${t('accounting.generalJournal')} – ${t('accounting.journalCode')}`,
          )}
          {field(
            'generalJournalLabel',
            `${t('accounting.generalJournal')} – ${t('accounting.journalLabel')}`,
          )}
          {field(
            'openingJournalCode',
            `${t('accounting.openingJournal')} – ${t('accounting.journalCode')}`,
          )}
          {field(
            'openingJournalLabel',
            `${t('accounting.openingJournal')} – ${t('accounting.journalLabel')}`,
          )}
          {field('siren', t('accounting.siren'))}
        </SimpleGrid>
        <Button type="submit" w="fit-content">
          {t('accounting.save')}
        </Button>
      </Stack>
    </form>
  )
}
