import { channel, none } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import type { ReportDocument, ReportJob } from './model'
import { reportExportInput, reportRequest } from './model'
import { jobInput } from '../jobs/schema'

/** The channels of the reports area (see shared/contract/channels.ts). */
export const REPORTS_CHANNELS = {
  'reports.preview': channel<ReportDocument>()(reportRequest),
  'reports.begin': channel<ReportJob>()(reportExportInput),
  'reports.progress': channel<ReportJob>()(jobInput),
  'reports.cancel': channel<null>()(jobInput),
  'reports.iati': channel<SavedFile>()(none),
} as const
