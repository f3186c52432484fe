import type pg from 'pg'
import type { PostgresSettings } from '@shared/sync/schema'
import { AppFailure } from '../failure'
import { MAX_FILE_BYTES } from './change-file'
import { SetAside } from './set-aside'
import {
  CHANGE_FILE_NAME,
  HEAD_BYTES,
  REPLICA_ID,
  type SyncTarget,
  type TargetEntry,
  changeFileName,
  fingerprintOf,
} from './sync-target'

/** How long a server that does not answer is waited for. */
const CONNECT_TIMEOUT_MS = 10_000

/**
 * A PostgreSQL server as a sync target, for an office that runs one: the change files kept in
 * one table, `aimf_sync_files`, one row per file (written whole in one statement, never
 * changed). The server only stores them — it runs nothing of ours, and sealed files are as
 * unreadable to it as to a cloud folder.
 */
export class PostgresTarget implements SyncTarget {
  private constructor(
    private readonly client: pg.Client,
    private readonly datasetId: string,
  ) {}

  /** Connects, and makes the table the first time a server is used. */
  static async connect(
    settings: PostgresSettings,
    password: string | null,
    datasetId: string,
  ): Promise<PostgresTarget> {
    // Loaded at the first sync with a server, not when the application starts (35 ms).
    const { default: postgres } = await import('pg')
    const client = new postgres.Client({
      host: settings.host,
      port: settings.port,
      database: settings.database,
      user: settings.user,
      // An empty password is pg's cue to look in PGPASSWORD and ~/.pgpass.
      password: password ?? undefined,
      ssl: settings.ssl ? { rejectUnauthorized: true } : false,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'AIMF Finances',
    })
    // A connection that drops between two calls surfaces at the next call, not as a crash.
    client.on('error', () => undefined)
    try {
      await client.connect()
      await ensureTable(client)
    } catch (error) {
      await client.end().catch(() => undefined)
      throw unreachable(error, settings, password !== null)
    }
    return new PostgresTarget(client, datasetId)
  }

  async write(replicaId: string, first: number, last: number, bytes: Buffer): Promise<string> {
    const name = changeFileName(replicaId, first, last)
    await this.query(
      `INSERT INTO aimf_sync_files (dataset_id, name, replica_id, body)
       VALUES ($1, $2, $3, $4) ON CONFLICT (dataset_id, name) DO NOTHING`,
      [this.datasetId, name, replicaId, bytes],
    )
    return name
  }

  async others(replicaId: string): Promise<TargetEntry[]> {
    const { rows } = await this.query<{ name: string; replica_id: string }>(
      `SELECT name, replica_id FROM aimf_sync_files
       WHERE dataset_id = $1 AND replica_id <> $2 ORDER BY replica_id, name`,
      [this.datasetId, replicaId],
    )
    // A row says whose it is twice, in its name and its replica column: both must agree, as a
    // folder's files are known by the copy's folder they sit in.
    return rows
      .filter(
        (row) =>
          REPLICA_ID.test(row.replica_id) &&
          row.name.startsWith(`${row.replica_id}/`) &&
          CHANGE_FILE_NAME.test(row.name.slice(row.replica_id.length + 1)),
      )
      .map((row) => ({ name: row.name, replicaId: row.replica_id }))
  }

  async read(entry: TargetEntry): Promise<Buffer> {
    // The size first: a row too large is never brought over the network.
    const { rows } = await this.query<{ size: number; body: Buffer | null }>(
      `SELECT octet_length(body) AS size, CASE WHEN octet_length(body) <= $3 THEN body END AS body
       FROM aimf_sync_files WHERE dataset_id = $1 AND name = $2`,
      [this.datasetId, entry.name, MAX_FILE_BYTES],
    )
    const row = rows[0]
    if (!row) throw new SetAside('unreadable')
    if (!row.body) throw new SetAside('too_large')
    return row.body
  }

  async fingerprint(entry: TargetEntry): Promise<string | null> {
    const { rows } = await this.query<{ size: number; head: Buffer }>(
      `SELECT octet_length(body) AS size, substring(body from 1 for $3) AS head
       FROM aimf_sync_files WHERE dataset_id = $1 AND name = $2`,
      [this.datasetId, entry.name, HEAD_BYTES],
    )
    const row = rows[0]
    return row ? fingerprintOf(Number(row.size), row.head) : null
  }

  /** A query; a connection lost on the way is said as such (nothing of the sync is half-done). */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.client.query<R>(text, values)
    } catch (error) {
      throw new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerLost', {
        detail: error instanceof Error ? error.message : String(error),
      })
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined)
  }
}

async function ensureTable(client: pg.Client): Promise<void> {
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS aimf_sync_files (
      dataset_id text NOT NULL,
      name text NOT NULL,
      replica_id text NOT NULL,
      body bytea NOT NULL,
      written_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (dataset_id, name)
    )`)
  } catch (error) {
    // Two copies making the table at the same moment: one wins, the other finds it made.
    if (!isPgError(error) || !['23505', '42P07'].includes(error.code ?? '')) throw error
  }
}

/** Why a server could not be used, in words a user can act on. */
function unreachable(
  error: unknown,
  settings: PostgresSettings,
  withPassword: boolean,
): AppFailure {
  const where = { host: settings.host, port: settings.port }
  if (!isPgError(error)) return new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerDown', where)
  // The server asked for a password this machine does not have (pg says so in its own words).
  const asked = !withPassword && !error.code && /password/i.test(error.message)
  switch (asked ? '28P01' : error.code) {
    case '28P01':
    case '28000':
      return new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerLogin', { user: settings.user })
    case '3D000':
      return new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerNoDatabase', {
        database: settings.database,
      })
    case '42501':
      return new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerDenied', {
        user: settings.user,
      })
    default:
      return error.code && /^[0-9A-Z]{5}$/.test(error.code)
        ? new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerRefused', {
            detail: error.message,
          })
        : new AppFailure('SYNC_UNREACHABLE', 'errors.syncServerDown', where)
  }
}

function isPgError(error: unknown): error is Error & { code?: string } {
  return error instanceof Error
}
