import { safeStorage } from 'electron'
import { readFile } from 'node:fs/promises'
import { writeBytesAtomically } from '../files/atomic-file'
import type { Keychain } from '../sync/server-passwords'

/**
 * Secrets sealed by the system (Electron's safeStorage: the macOS Keychain, Windows DPAPI, the
 * Linux secret service), kept in one file of this machine's application folder, so that they
 * never enter a data file that travels. Where the system has no real keychain (a Linux desktop
 * without a secret service falls back to a key written in Electron itself), nothing is kept.
 */
export function electronKeychain(file: string): Keychain {
  const usable = async () =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
  const load = async (): Promise<Record<string, string>> =>
    JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>
  return {
    async saveSecret(name, secret) {
      if (!(await usable())) return false
      const sealed = await safeStorage.encryptStringAsync(secret)
      const secrets = { ...(await load()), [name]: sealed.toString('base64') }
      await writeBytesAtomically(file, JSON.stringify(secrets), { mode: 0o600 })
      return true
    },
    async readSecret(name) {
      const sealed = (await load())[name]
      if (!sealed || !(await usable())) return null
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result
      } catch {
        // Sealed by another account or a keychain since reset: as if never kept.
        return null
      }
    },
  }
}
