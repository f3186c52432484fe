import { channel, none } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import type { ReportDocument, ReportJob } from './model'
import { reportExportInput, reportRequest } from './model'
import { jobInput } from '../jobs/schema'
import { listExportInput } from './list-export'

/** The channels of the reports area (see shared/contract/channels.ts). */
export const REPORTS_CHANNELS = {
  'reports.preview': channel<ReportDocument>()(reportRequest),
  'reports.begin': channel<ReportJob>()(reportExportInput),
  'reports.progress': channel<ReportJob>()(jobInput),
  'reports.cancel': channel<null>()(jobInput),
  'reports.iati': channel<SavedFile>()(none),
  /** A register's list as shown, to Excel in the reports' formats (the core asks where). */
  'reports.list': channel<SavedFile>()(listExportInput),
} as const
