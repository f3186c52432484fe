import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, sep } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { isPlainFileName } from '@shared/text/plain-file-name'
import { AppFailure } from '../failure'

/** The folder beside a data file where its documents are copied: "<file>.documents". */
export function documentsFolderOf(dataFilePath: string): string {
  return join(dirname(dataFilePath), `${basename(dataFilePath, extname(dataFilePath))}.documents`)
}

/**
 * Extensions of files that start a program, a script or an installer when opened (Windows,
 * macOS, Linux desktops), or mount a disk image that does. Opening a document must never run
 * anything: such a file is neither attached nor opened.
 */
const RUNNABLE = new Set(
  (
    'exe com bat cmd msi msix msp mst msc scr pif cpl hta jar js jse mjs vbs vbe wsf wsh wsc ' +
    'ps1 ps2 psm1 psd1 ps1xml lnk url reg inf scf sct chm dll ocx sys drv appx appxbundle ' +
    'application gadget settingcontent-ms library-ms search-ms iso img vhd vhdx ' +
    'sh bash zsh csh ksh command tool app pkg mpkg dmg workflow action terminal ' +
    'desktop run bin appimage deb rpm snap flatpakref py pyw pyc pl rb ' +
    // Installers and add-ins that phishing mails favour: ClickOnce, troubleshooting packs, Java
    // Web Start, Windows updates, AppleScript, browser apps, Excel and Access add-ins.
    'appref-ms diagcab jnlp msu ws scpt applescript xbap xll ade adp mde accde'
  ).split(' '),
)

/** The extension of a file name as the system reads it to choose what opens it ("pdf"). */
export function extensionOf(name: string): string {
  return extname(name).slice(1).toLowerCase()
}

export function isRunnable(name: string): boolean {
  // Windows ignores trailing dots and spaces: "a.exe." runs as "a.exe".
  return RUNNABLE.has(extensionOf(name.replace(/[. ]+$/, '')))
}

/**
 * The name a document's copy is stored under: generated, and a plain name — a UUID and the
 * original's extension when it is an ordinary one (the system then knows what opens it).
 */
export function storedNameFor(originalName: string): string {
  const extension = extensionOf(originalName)
  return /^[a-z0-9]{1,10}$/.test(extension) ? `${uuidv7()}.${extension}` : uuidv7()
}

/**
 * Where a document's copy is, refusing any name that is not one the application generates: a
 * plain name — or, for copies attached by earlier versions, "<project folder>/<plain name>" (with
 * either separator, as Windows wrote it) — that resolves, links followed, to a regular file inside
 * the documents folder. Names may come from another copy of the file through sync: a name that
 * climbs out of the folder, or a link planted in it that points elsewhere, is refused.
 */
export async function storedDocumentPath(folder: string, storedName: string): Promise<string> {
  const parts = storedName.split(/[\\/]/)
  if (parts.length > 2 || !parts.every(isPlainFileName) || isRunnable(storedName)) {
    throw new AppFailure('CONFLICT', 'errors.documentName', { name: storedName.slice(0, 200) })
  }
  const path = join(folder, ...parts)
  const missing = () => new AppFailure('NOT_FOUND', 'errors.documentMissing', { path })
  const realFolder = await realpath(folder).catch(() => null)
  const realFile = await realpath(path).catch(() => null)
  if (realFolder === null || realFile === null) throw missing()
  if (!realFile.startsWith(realFolder + sep)) {
    throw new AppFailure('FORBIDDEN', 'errors.documentOutside', { path })
  }
  const info = await stat(realFile).catch(() => null)
  if (!info) throw missing()
  if (!info.isFile()) throw new AppFailure('FORBIDDEN', 'errors.documentNotRegular', { path })
  return realFile
}
