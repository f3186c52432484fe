import { Alert, Anchor, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useUndo } from '../app/use-undo'
import { useNotices } from './notices'

/**
 * The notification of the last reversal (or other money action), fixed at the bottom of the
 * window so it is seen whatever the scroll, and announced to screen readers.
 */
export function NoticeArea() {
  const { t } = useTranslation()
  const notice = useNotices((s) => s.notice)
  const notify = useNotices((s) => s.notify)
  const undo = useUndo()
  return (
    <div
      role="status"
      aria-live="polite"
      style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 400, maxWidth: 480 }}
    >
      {notice && (
        <Alert
          // A dark green: white on Mantine's filled green is 3.4:1, under WCAG's 4.5:1.
          color="#1b6b2f"
          variant="filled"
          withCloseButton
          onClose={() => notify(null)}
          closeButtonLabel={t('common.close')}
          data-testid="notice"
        >
          {notice.text}
          {notice.open && (
            <>
              {' '}
              <Anchor
                component="button"
                c="white"
                td="underline"
                onClick={() => {
                  notice.open?.go()
                  notify(null)
                }}
              >
                {notice.open.label}
              </Anchor>
            </>
          )}
          {notice.undo && (
            <Button
              display="block"
              mt="xs"
              size="compact-sm"
              variant="white"
              color="dark"
              onClick={() => {
                notify(null)
                undo()
              }}
            >
              {t('undo.button')}
            </Button>
          )}
        </Alert>
      )}
    </div>
  )
}
