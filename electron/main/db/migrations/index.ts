import { initial } from './0001-initial'
import { funds } from './0002-funds'
import { agreementTerms } from './0003-agreement-terms'
import { otherIncome } from './0004-other-income'
import { cooperationFund } from './0005-cooperation-fund'
import { dues } from './0006-dues'
import { budget } from './0007-budget'
import { ledgerSums } from './0008-ledger-sums'
import { sync } from './0009-sync'
import { accounting } from './0010-accounting'
import { programmes } from './0011-programmes'
import { reversalReasons } from './0012-reversal-reasons'
import { rateSeries } from './0013-rate-series'
import { conversionRule } from './0014-conversion-rule'
import { leaderCivility } from './0015-leader-civility'
import { overheadRecoveries } from './0016-overhead-recoveries'
import { agreementClosing } from './0017-agreement-closing'
import { costSharing } from './0018-cost-sharing'
import { euRules } from './0019-eu-rules'
import { sharedReversals } from './0020-shared-reversals'
import { changeLogByCopy } from './0021-change-log-by-copy'
import type { Migration } from './migration'

/**
 * Every migration, in order. Kept in code rather than read from disk, because the main
 * process is bundled and has no migrations folder at run time.
 */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  funds,
  agreementTerms,
  otherIncome,
  cooperationFund,
  dues,
  budget,
  ledgerSums,
  sync,
  accounting,
  programmes,
  reversalReasons,
  rateSeries,
  conversionRule,
  leaderCivility,
  overheadRecoveries,
  agreementClosing,
  costSharing,
  euRules,
  sharedReversals,
  changeLogByCopy,
]

/** The schema version this build writes; a file above it comes from a newer version. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0
