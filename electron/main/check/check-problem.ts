import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { FailureParams } from '../failure'

/** One thing wrong in a file, as a catalogue key and its parameters (`aimf check`). */
export interface CheckProblem {
  key: MessageKey
  params: FailureParams
}
