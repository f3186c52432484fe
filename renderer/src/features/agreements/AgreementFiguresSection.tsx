import { Group, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { FiguresTable } from './FiguresTable'
import { DateField } from '../../components/DateField'

/** Where an agreement stands (committed, received, spent, available), on a chosen date. */
export function AgreementFiguresSection({
  agreement,
  asOf,
  onAsOf,
}: {
  agreement: AgreementDetail
  /** The date the figures are read at ('' for today). */
  asOf: string
  onAsOf: (date: string) => void
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="agreement-figures">
      <Group justify="space-between" align="flex-end" mb="xs" maw={640}>
        <Title order={2} size="h4" id="agreement-figures">
          {t('agreements.figures')}
        </Title>
        <DateField
          size="xs"
          choosesView
          label={t('agreements.asOf')}
          value={asOf}
          onChange={onAsOf}
        />
      </Group>
      <FiguresTable agreement={agreement} />
    </section>
  )
}
