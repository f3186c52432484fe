import { fileCases } from './hostile-file-cases'
import type { HostileCase } from './hostile-frame'
import { originCases } from './hostile-origins'
import { recordCases } from './hostile-records'
import { valueCases } from './hostile-values'

export type { HostileCase, Place } from './hostile-frame'

/**
 * The classes of the issue, each refused whatever the rest of the file: values that do not fit
 * (hostile-values.ts), changes not from where they say or not as the core writes them
 * (hostile-origins.ts), records and ledger entries the core never writes (hostile-records.ts),
 * and files that are not change files of this dataset, or not files at all
 * (hostile-file-cases.ts).
 */
export function targetedCases(): HostileCase[] {
  return [...valueCases(), ...originCases(), ...recordCases(), ...fileCases()]
}
