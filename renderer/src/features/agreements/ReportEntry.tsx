import { NativeSelect } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AgreementDetail, REPORT_KINDS } from '@shared/funds/schema'
import { DateField } from '../../components/DateField'
import { EntryGrid } from '../../components/page/EntryGrid'
import { ApiError, call, errorMessage } from '../../lib/api'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { fieldErrors } from './schedule-errors'

const EMPTY = { kind: 'interim', dueOn: '', periodFrom: '', periodTo: '' }

/** The line above an agreement's reports to plan one more (kind, due date, period), on demand. */
export function ReportEntry({
  agreement,
  onSaved,
  onError,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
  /** A refusal that names no field. */
  onError: (message: string) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLDivElement>(errors)

  async function add(): Promise<boolean> {
    try {
      const next = await call('agreements.addReport', {
        agreementId: agreement.id,
        ...draft,
        kind: draft.kind as 'interim' | 'final',
      })
      setErrors({})
      setDraft(EMPTY)
      onSaved(next, t('common.saved'))
      return true
    } catch (failure) {
      setErrors(fieldErrors(failure))
      if (!(failure instanceof ApiError && failure.error.fields))
        onError(errorMessage(failure, t('errors.INTERNAL')))
      return false
    }
  }
  const date = (field: 'dueOn' | 'periodFrom' | 'periodTo') => (
    <DateField
      label={t(`reports.${field}`)}
      value={draft[field]}
      onChange={(day) => setDraft({ ...draft, [field]: day })}
      error={errors[field]}
    />
  )

  return (
    <EntryGrid
      label={t('reports.add')}
      cols={{ base: 2, lg: 5 }}
      submitLabel={t('reports.add')}
      onSubmit={add}
      onClear={() => {
        setDraft(EMPTY)
        setErrors({})
      }}
      gridRef={refusals}
    >
      <NativeSelect
        label={t('reports.kind')}
        value={draft.kind}
        onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value })}
        data={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
      />
      {date('dueOn')}
      {date('periodFrom')}
      {date('periodTo')}
    </EntryGrid>
  )
}
