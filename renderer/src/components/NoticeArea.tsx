import { Alert, Anchor, Button, Stack } from '@mantine/core'
import { type FocusEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../app/app-store'
import { useUndo } from '../app/use-undo'
import { type ShownNotice, useNotices } from './notices'

/** How long a notice of what was done stays, then fades away (unless hovered or focused). */
export const NOTICE_MS = 6_000
/** A notice that offers something to do (« Annuler la modification », open a record) stays longer. */
export const NOTICE_WITH_ACTION_MS = 12_000
/** The fade itself. */
const FADE_MS = 300
/** The gap between the notices, and between them and the window's edge. */
const GAP = 16

// White on these is above WCAG's 4.5:1 (on Mantine's filled green 3.4:1, on its red 3.3:1).
const COLORS = { success: '#1b6b2f', error: '#a61e1e' } as const

/** The screen on show: the area and the record open in it. */
function useScreen(): string {
  return useAppStore((s) =>
    [s.area, s.openAgreementId, s.openProjectId, s.openMemberId, s.openFunderId].join('|'),
  )
}

/**
 * The window's notices, in its bottom-right corner so they are seen whatever the scroll, and
 * announced to screen readers: what was just done (a reversal, an edit with its undo) fades
 * away after a few seconds — longer when it offers an action, never while the pointer or the
 * focus is on it — and goes when the user moves to another screen; a refusal no screen showed
 * stays until closed. A few at most, the newest at the bottom. The page ends with as much room
 * as they take, so that whatever they cover can be scrolled out from under them.
 */
export function NoticeArea() {
  const notices = useNotices((s) => s.notices)
  const clearDone = useNotices((s) => s.clearDone)
  const screen = useScreen()
  const shownOn = useRef(screen)
  useEffect(() => {
    if (shownOn.current === screen) return
    shownOn.current = screen
    clearDone()
  }, [screen, clearDone])

  const stack = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState(0)
  useEffect(() => {
    const element = stack.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  return (
    <>
      <div
        aria-hidden="true"
        data-testid="notice-room"
        style={{ height: height && height + GAP }}
      />
      <div
        ref={stack}
        role="status"
        aria-live="polite"
        style={{ position: 'fixed', right: GAP, bottom: GAP, zIndex: 400, maxWidth: 480 }}
      >
        <Stack gap="xs">
          {notices.map((notice, index) => (
            <NoticeItem key={notice.id} notice={notice} latest={index === notices.length - 1} />
          ))}
        </Stack>
      </div>
    </>
  )
}

function NoticeItem({ notice, latest }: { notice: ShownNotice; latest: boolean }) {
  const { t } = useTranslation()
  const dismiss = useNotices((s) => s.dismiss)
  const undo = useUndo()
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const [fading, setFading] = useState(false)
  const fades = notice.tone === 'success' && !hovered && !focused
  const lasts = notice.undo || notice.open ? NOTICE_WITH_ACTION_MS : NOTICE_MS
  useEffect(() => {
    if (!fades) return
    const fade = setTimeout(() => setFading(true), lasts)
    const gone = setTimeout(() => dismiss(notice.id), lasts + FADE_MS)
    return () => {
      clearTimeout(fade)
      clearTimeout(gone)
    }
  }, [fades, lasts, dismiss, notice.id])
  // Held: shown in full again, and its time starts over once let go.
  const hold = (held: boolean, set: (held: boolean) => void) => {
    set(held)
    if (held) setFading(false)
  }
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) hold(false, setFocused)
  }
  return (
    <Alert
      color={COLORS[notice.tone]}
      variant="filled"
      withCloseButton
      onClose={() => dismiss(notice.id)}
      closeButtonLabel={t('common.close')}
      // The newest is « the notice » of the last action; the ones before it are still shown.
      data-testid={latest ? 'notice' : 'notice-earlier'}
      data-tone={notice.tone}
      onMouseEnter={() => hold(true, setHovered)}
      onMouseLeave={() => hold(false, setHovered)}
      onFocus={() => hold(true, setFocused)}
      onBlur={leave}
      style={{ opacity: fading ? 0 : 1, transition: `opacity ${FADE_MS}ms ease` }}
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
              dismiss(notice.id)
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
            dismiss(notice.id)
            undo()
          }}
        >
          {t('undo.button')}
        </Button>
      )}
    </Alert>
  )
}
