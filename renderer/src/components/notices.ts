import { create } from 'zustand'

/** What was just done to money, said once the dialog that did it has closed. */
export interface Notice {
  text: string
  /** Opens the record the notice is about (its page), when it is not the one on screen. */
  open?: { label: string; go: () => void }
  /** The notice follows an edit of a record's fields: it offers « Annuler la modification ». */
  undo?: boolean
}

interface NoticeStore {
  notice: Notice | null
  notify(notice: Notice | null): void
}

/**
 * The window's one notification: set by an action that must be acknowledged wherever the user
 * has scrolled (a reversal), shown fixed in a corner by {@link NoticeArea} and announced.
 */
export const useNotices = create<NoticeStore>((set) => ({
  notice: null,
  notify(notice) {
    set({ notice })
  },
}))
