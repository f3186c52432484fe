import { create } from 'zustand'

/** What was just done to money, said once the dialog that did it has closed. */
export interface Notice {
  text: string
  /** Opens the record the notice is about (its page), when it is not the one on screen. */
  open?: { label: string; go: () => void }
  /** The notice follows an edit of a record's fields: it offers « Annuler la modification ». */
  undo?: boolean
}

/** A notice on show: what was done (fades away), or a refusal no screen showed (stays). */
export interface ShownNotice extends Notice {
  id: number
  tone: 'success' | 'error'
}

/** The most notices shown at once: a new one pushes the oldest out. */
export const MAX_NOTICES = 3

interface NoticeStore {
  notices: ShownNotice[]
  /** Says what was just done; it fades away by itself (`NoticeArea`). */
  notify(notice: Notice): void
  /**
   * Says a refusal of the core that no screen showed; it stays until closed, and the same
   * refusal said again is shown once. Null takes the refusals off (the action then succeeded).
   */
  fail(text: string | null): void
  dismiss(id: number): void
  /** Takes off what was done: the user moved to another screen (refusals stay until closed). */
  clearDone(): void
}

let nextId = 1

function shown(notices: ShownNotice[], notice: ShownNotice): ShownNotice[] {
  // The same words said again are one notice, moved to the newest place.
  const others = notices.filter((n) => !(n.tone === notice.tone && n.text === notice.text))
  return [...others, notice].slice(-MAX_NOTICES)
}

/**
 * The window's notifications: set by an action that must be acknowledged wherever the user has
 * scrolled (a reversal, an edit with its undo), or by a refusal no screen caught; shown in a
 * corner by {@link NoticeArea} and announced. A few at most, oldest first.
 */
export const useNotices = create<NoticeStore>((set) => ({
  notices: [],
  notify(notice) {
    set((s) => ({ notices: shown(s.notices, { ...notice, id: nextId++, tone: 'success' }) }))
  },
  fail(text) {
    if (text === null) {
      set((s) => ({ notices: s.notices.filter((n) => n.tone !== 'error') }))
      return
    }
    set((s) => ({ notices: shown(s.notices, { text, id: nextId++, tone: 'error' }) }))
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
  },
  clearDone() {
    set((s) =>
      s.notices.some((n) => n.tone === 'success')
        ? { notices: s.notices.filter((n) => n.tone !== 'success') }
        : s,
    )
  },
}))
