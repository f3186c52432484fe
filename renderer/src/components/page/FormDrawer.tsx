import { Drawer, Modal } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Where an entry form opens on demand: a drawer from the right (a record's form) or a dialog
 * (a short entry beside a list). The form is mounted only while open, so it starts afresh from
 * the record each time it is opened.
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
  const frame = {
    opened,
    onClose,
    title,
    size,
    closeButtonProps: { 'aria-label': t('common.close') },
  }
  return kind === 'drawer' ? (
    <Drawer {...frame} position="right">
      {opened && children}
    </Drawer>
  ) : (
    <Modal {...frame}>{opened && children}</Modal>
  )
}
