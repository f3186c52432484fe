import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesScale } from '@shared/dues/schema'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { ScaleBandsForm } from './ScaleBandsForm'
import { ScaleOverrides } from './ScaleOverrides'

/** The year's scale (barème), edited as a table, and the particular amounts of some members. */
export function ScaleTab({ year }: { year: number }) {
  const { t } = useTranslation()
  const [scale, setScale] = useState<DuesScale | null>(null)
  // Each scale loaded or copied starts the bands' form again from it.
  const [loaded, setLoaded] = useState(0)
  const [status, setStatus] = useState<Status | null>(null)
  const show = useCallback((next: DuesScale) => {
    setScale(next)
    setLoaded((n) => n + 1)
  }, [])
  useEffect(() => {
    void call('dues.scale', { year }).then(show)
  }, [year, show])
  const failed = (failure: unknown) =>
    setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })

  return (
    <Stack gap="md">
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('dues.scale.title', { year })}
        </Title>
        {scale && scale.bands.length === 0 && (
          <Button
            variant="light"
            onClick={() =>
              void call('dues.copyScale', { fromYear: year - 1, toYear: year }).then((next) => {
                show(next)
                setStatus({ ok: true, text: t('dues.scale.copied', { year }) })
              }, failed)
            }
          >
            {t('dues.scale.copyFrom', { year: year - 1 })}
          </Button>
        )}
      </Group>
      {scale && scale.bands.length === 0 && <Text c="dimmed">{t('dues.scale.empty')}</Text>}
      {scale && (
        <ScaleBandsForm
          key={loaded}
          year={year}
          scale={scale}
          onSaved={(saved) => {
            setScale(saved)
            setStatus({ ok: true, text: t('dues.scale.saved', { year }) })
          }}
          onFailed={failed}
        />
      )}
      {scale && (
        <ScaleOverrides
          year={year}
          scale={scale}
          onChanged={(next, saved) => {
            // The bands as typed are kept: only the overrides are taken from the answer.
            setScale((current) => (current ? { ...current, overrides: next.overrides } : next))
            if (saved) setStatus({ ok: true, text: t('dues.scale.overrideSaved') })
          }}
          onFailed={failed}
        />
      )}
    </Stack>
  )
}
