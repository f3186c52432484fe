import { channel, none } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import { byId, reversalInput } from '../validation/fields'
import type {
  CallPreviewRow,
  DuesCall,
  DuesPayment,
  DuesScale,
  DuesSettings,
  DuesSummary,
  MemberAccount,
} from './schema'
import {
  callAmountInput,
  callCancelInput,
  callListQuery,
  callRunInput,
  copyScaleInput,
  duesSettingsInput,
  overrideInput,
  paymentInput,
  scaleInput,
  yearQuery,
} from './schema'
import type { LetterJobProgress, LetterJobResult, LetterTemplate } from './letters'
import { letterBatchInput, letterJobInput, letterTemplateInput } from './letters'

/** The channels of the dues area (see shared/contract/channels.ts). */
export const DUES_CHANNELS = {
  'dues.scale': channel<DuesScale>()(yearQuery),
  'dues.saveScale': channel<DuesScale>()(scaleInput),
  'dues.copyScale': channel<DuesScale>()(copyScaleInput),
  'dues.setOverride': channel<DuesScale>()(overrideInput),
  'dues.removeOverride': channel<DuesScale>()(byId),
  'dues.previewCalls': channel<CallPreviewRow[]>()(callRunInput),
  'dues.generateCalls': channel<{ created: number }>()(callRunInput),
  'dues.calls': channel<DuesCall[]>()(callListQuery),
  'dues.changeCallAmount': channel<DuesCall>()(callAmountInput),
  'dues.cancelCall': channel<DuesCall>()(callCancelInput),
  'dues.payments': channel<DuesPayment[]>()(yearQuery),
  'dues.addPayment': channel<DuesPayment>()(paymentInput),
  'dues.cancelPayment': channel<MemberAccount>()(reversalInput),
  'dues.summary': channel<DuesSummary>()(yearQuery),
  'dues.settings': channel<DuesSettings>()(none),
  'dues.updateSettings': channel<DuesSettings>()(duesSettingsInput),

  'letters.templates': channel<LetterTemplate[]>()(none),
  'letters.saveTemplate': channel<LetterTemplate[]>()(letterTemplateInput),
  'letters.begin': channel<LetterJobProgress>()(letterBatchInput),
  'letters.step': channel<LetterJobProgress & { result: (LetterJobResult & SavedFile) | null }>()(
    letterJobInput,
  ),
  'letters.cancel': channel<null>()(letterJobInput),
} as const
