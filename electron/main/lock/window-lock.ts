import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
) => Promise<Buffer>

/** A password as it is kept in the preferences: never in clear, a salted scrypt hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await derive(password, salt, 32)
  return `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex = '', hashHex = ''] = stored.split(':')
  if (scheme !== 'scrypt') return false
  const expected = Buffer.from(hashHex, 'hex')
  const actual = await derive(password, Buffer.from(saltHex, 'hex'), expected.length)
  return expected.length > 0 && timingSafeEqual(actual, expected)
}

/** The channels that still answer while the window is locked: what the lock screen needs. */
export const CHANNELS_WHILE_LOCKED: ReadonlySet<string> = new Set(['app.getState', 'app.unlock'])
