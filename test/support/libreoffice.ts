import { execFile, execFileSync } from 'node:child_process'
import { access, mkdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { tempFolder } from './temp'

const run = promisify(execFile)

/** Where LibreOffice's `soffice` is, or null (Debian: `libreoffice-calc-nogui`). */
export function sofficePath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/**
 * A throwaway LibreOffice profile that recalculates every formula of an xlsx it loads (by
 * default it keeps the results the file stores, so a wrong stored result would go unseen).
 */
async function recalculatingProfile(): Promise<string> {
  const profile = await tempFolder('file')
  await mkdir(join(profile, 'user'), { recursive: true })
  await writeFile(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  )
  return profile
}

/**
 * Opens each workbook in LibreOffice, headless, formulas recalculated, and saves it as `format`
 * into `folder` — all in one run of soffice, which takes seconds to start. Answers each file's
 * output, or null where LibreOffice could not open it.
 */
export async function convertWithLibreOffice(
  files: string[],
  format: 'xlsx' | 'pdf',
  folder: string,
): Promise<Map<string, string | null>> {
  const soffice = sofficePath()
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed')
  const profile = await recalculatingProfile()
  await mkdir(folder, { recursive: true })
  await run(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      format,
      '--outdir',
      folder,
      ...files,
    ],
    { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
  )
  const outputs = new Map<string, string | null>()
  for (const file of files) {
    const output = join(folder, basename(file).replace(/\.xlsx$/, `.${format}`))
    outputs.set(
      file,
      await access(output).then(
        () => output,
        () => null,
      ),
    )
  }
  return outputs
}
