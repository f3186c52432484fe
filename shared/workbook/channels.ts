import { channel, none } from '../contract/channel'
import type { FileRef, SavedFile } from '../files/schema'
import { fileTokenInput } from '../files/schema'
import type { Job } from '../jobs/schema'
import { jobInput } from '../jobs/schema'
import type { WorkbookReport } from './schema'

/** The channels of the workbook area (see shared/contract/channels.ts). */
export const WORKBOOK_CHANNELS = {
  'workbook.template': channel<SavedFile>()(none),
  'workbook.export': channel<SavedFile>()(none),
  /**
   * The workbook chosen, the job of its check (the import rolled back), and the token that
   * imports it (`import-workbook`).
   */
  'workbook.check': channel<FileRef & { job: Job<WorkbookReport> }>()(none),
  'workbook.import': channel<Job<WorkbookReport>>()(fileTokenInput),
  'workbook.progress': channel<Job<WorkbookReport>>()(jobInput),
  'workbook.cancel': channel<null>()(jobInput),
} as const
