/**
 * Whether a form drawn on the page (not in a drawer) holds changes not yet sent: asked before
 * the window moves to another area or record, which would discard them. Set by the guard of the
 * page's inline forms (`InlineFormsGuard`); none until it is drawn.
 */
let unsavedCheck: () => boolean = () => false

export function setUnsavedCheck(check: (() => boolean) | null): void {
  unsavedCheck = check ?? (() => false)
}

export function hasUnsavedForm(): boolean {
  return unsavedCheck()
}
