import type { PasswordKept, PostgresSettings } from '@shared/sync/schema'

/** The system's keychain, as the desktop offers it (Electron's safeStorage). */
export interface Keychain {
  /** Keeps a secret under a name; false where the system has no keychain to keep it in. */
  saveSecret(name: string, secret: string): Promise<boolean>
  readSecret(name: string): Promise<string | null>
}

/**
 * The passwords of sync servers: in the system's keychain where there is one, otherwise in
 * memory until the application closes (and asked again after). One per server and user, so
 * two files synced with the same server share it.
 */
export class ServerPasswords {
  private readonly session = new Map<string, string>()

  constructor(private readonly keychain: Keychain | null) {}

  async keep(settings: PostgresSettings, password: string): Promise<PasswordKept> {
    const name = nameOf(settings)
    if (!password) return 'none'
    if (this.keychain && (await this.keychain.saveSecret(name, password))) {
      this.session.delete(name)
      return 'keychain'
    }
    this.session.set(name, password)
    return 'session'
  }

  async find(settings: PostgresSettings): Promise<string | null> {
    const name = nameOf(settings)
    return this.session.get(name) ?? (await this.keychain?.readSecret(name)) ?? null
  }

  async where(settings: PostgresSettings): Promise<PasswordKept> {
    const name = nameOf(settings)
    if (this.session.has(name)) return 'session'
    return (await this.keychain?.readSecret(name)) ? 'keychain' : 'none'
  }
}

function nameOf({ user, host, port, database }: PostgresSettings): string {
  return `postgres://${user}@${host}:${port}/${database}`
}
