import { Drawer, Modal } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useDiscardGuard } from './use-discard-guard'
import { DiscardQuestion } from './DiscardQuestion'

/**
 * Where an entry form opens on demand: a drawer from the right (a record's form) or a dialog
 * (a short entry beside a list). The form is mounted only while open, so it starts afresh from
 * the record each time it is opened. A changed form is never discarded without a question
 * (Escape, the close button, a click beside it, its « Annuler »): see `useDiscardGuard`.
 */
export function FormDrawer({
  opened,
  onClose,
  title,
  size = 'xl',
  kind = 'drawer',
  children,
}: {
  opened: boolean
  onClose: () => void
  title: ReactNode
  size?: 'md' | 'lg' | 'xl'
  kind?: 'drawer' | 'dialog'
  children: ReactNode
}) {
  const { t } = useTranslation()
  const { content, requestClose, asking, keepEditing, discard } = useDiscardGuard(opened, onClose)
  const frame = {
    opened,
    onClose: requestClose,
    title,
    size,
    closeButtonProps: { 'aria-label': t('common.close') },
  }
  const form = <div ref={content}>{opened && children}</div>
  return (
    <>
      {kind === 'drawer' ? (
        <Drawer {...frame} position="right">
          {form}
        </Drawer>
      ) : (
        <Modal {...frame}>{form}</Modal>
      )}
      <DiscardQuestion opened={asking} onKeep={keepEditing} onDiscard={discard} />
    </>
  )
}
