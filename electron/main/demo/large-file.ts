import type { DataFile } from '../db/data-file'
import { createSession } from '../app/create-session'
import { AIMF_ORGANISATION } from '../organisation/organisation-service'
import { generateBudget } from './large-file/budget'
import { generateDues } from './large-file/dues'
import { generateFunds, generateRates } from './large-file/funds'
import { generateMembers } from './large-file/members'
import { generateProjects } from './large-file/projects'
import {
  GENERATED_AUTHOR,
  type LargeFileCounts,
  type LargeFileOptions,
  LargeFileRun,
} from './large-file/run'

export {
  GENERATED_AUTHOR,
  type LargeFileCounts,
  type LargeFileOptions,
  type LargeFilePart,
} from './large-file/run'

/**
 * Writes a large, realistic file for the benchmark: members across 50 countries with their
 * yearly calls and payments, funders and agreements in several currencies with receipts and
 * amendments, projects taken along their lifecycle with plans, tranches, justified expenses and
 * indicators, and a budget per year with its expenses. Everything goes through the services,
 * so the file obeys the same rules as a user's input and passes `aimf check`.
 */
export async function generateLargeFile(
  file: DataFile,
  options: LargeFileOptions,
): Promise<LargeFileCounts> {
  return file.fill(async () => {
    return generateAll(new LargeFileRun(createSession(file), options))
  })
}

/** The parts in order: what later parts refer to (rates, agreements, members) first. */
async function generateAll(run: LargeFileRun): Promise<LargeFileCounts> {
  await run.session.organisation.update(
    {
      name: AIMF_ORGANISATION.name,
      address: AIMF_ORGANISATION.address,
      email: AIMF_ORGANISATION.email,
      website: AIMF_ORGANISATION.website,
    },
    GENERATED_AUTHOR,
  )
  await generateRates(run)
  await generateFunds(run)
  const members = await generateMembers(run)
  await generateProjects(run, members)
  await generateDues(run)
  await generateBudget(run)
  return run.counts
}
