import { resolve } from 'node:path'
import { createSession } from '../app/create-session'
import { DataFile } from '../db/data-file'
import { iatiActivities } from '../iati/iati-activities'
import { writeExportFile } from '../reports/export-file'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'

/** `aimf iati FILE --out PATH [--org-ref REF]`: the Cooperation Fund's activities as IATI XML. */
export async function iatiCommand(
  path: string,
  outPath: string | undefined,
  orgRef: string | undefined,
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (!outPath) {
    err(translate(language, 'cli.iatiUsage'))
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const xml = await iatiActivities(
      createSession(file, () => language),
      { orgRef },
    )
    const target = resolve(outPath)
    await writeExportFile(target, xml)
    out(translate(language, 'reporting.exported', { path: target }))
    return 0
  } finally {
    await file.close()
  }
}
