import { Button, Group } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesScale } from '@shared/dues/schema'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { ApiError, call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { bandColumns } from './scale-band-columns'
import { type BandRow, bandRowsOf, bandsForSave, emptyBand } from './scale-bands'

/**
 * The year's bands, edited in place in the register's list (sorted, totalled, exported as
 * typed), saved at once. It is a form of the page: « Annuler », Escape in a field and leaving
 * the area ask before the typed changes are dropped (InlineFormsGuard).
 */
export function ScaleBandsForm({
  year,
  scale,
  onSaved,
  onFailed,
}: {
  year: number
  scale: DuesScale
  onSaved: (scale: DuesScale) => void
  onFailed: (failure: unknown) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [rows, setRows] = useState<BandRow[]>(() => bandRowsOf(scale, language))
  // Refusals by band key and field, so that they follow a band when the list is sorted.
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [view, setView] = useListView('scale')

  // The refusals keyed by position (`bands.2.amount`, the core's way) turned to band keys.
  const byKey = (found: Record<string, string>, order: BandRow[]) =>
    Object.fromEntries(
      Object.entries(found).flatMap(([path, message]) => {
        const [, index, field] = path.split('.')
        const row = order[Number(index)]
        return row && field ? [[`${row.key}.${field}`, message]] : []
      }),
    )
  async function save() {
    const { bands, errors: local } = bandsForSave(rows, t, language)
    if (Object.keys(local).length > 0) return setErrors(byKey(local, rows))
    try {
      const saved = await call('dues.saveScale', { year, bands })
      setRows(bandRowsOf(saved, language))
      setErrors({})
      onSaved(saved)
    } catch (failure) {
      if (failure instanceof ApiError && failure.error.fields?.length)
        setErrors(
          byKey(Object.fromEntries(failure.error.fields.map((f) => [f.path, f.message])), rows),
        )
      onFailed(failure)
    }
  }
  const columns = useMemo(
    () =>
      bandColumns(t, language, {
        update: (key, patch) =>
          setRows((current) =>
            current.map((row) => (row.key === key ? { ...row, ...patch } : row)),
          ),
        numberOf: (row) => rows.findIndex((r) => r.key === row.key) + 1,
        errorOf: (row, field) => errors[`${row.key}.${field}`],
      }),
    [t, language, rows, errors],
  )

  // What was typed differs from the saved scale (rows added or removed included).
  const changed = useMemo(() => {
    const text = (list: BandRow[]) =>
      JSON.stringify(
        list.map((r) => [
          r.memberKind,
          r.populationFrom,
          r.populationTo,
          r.amount,
          r.currency,
          r.label,
        ]),
      )
    return text(rows) !== text(bandRowsOf(scale, language))
  }, [rows, scale, language])

  return (
    <form
      aria-label={t('dues.scale.title', { year })}
      data-changed={changed}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <RegisterList
        listId="scale"
        label={t('dues.scale.title', { year })}
        rows={rows}
        columns={columns}
        getRowId={(row) => row.key}
        view={view}
        onView={setView}
        searchPlaceholder={t('list.placeholder.scale')}
        parameters={[{ label: t('dues.year'), value: String(year) }]}
        rowActions={(row) => (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
          >
            {t('dues.scale.removeBand', { number: rows.indexOf(row) + 1 })}
          </Button>
        )}
        actionsWidth={140}
        height="60vh"
      />
      <Group mt="sm">
        <Button variant="default" onClick={() => setRows((current) => [...current, emptyBand()])}>
          {t('dues.scale.addBand')}
        </Button>
        <Button
          variant="default"
          data-discards-form
          onClick={() => {
            setRows(bandRowsOf(scale, language))
            setErrors({})
          }}
        >
          {t('common.cancel')}
        </Button>
        <Button type="submit">{t('dues.scale.save')}</Button>
      </Group>
    </form>
  )
}
