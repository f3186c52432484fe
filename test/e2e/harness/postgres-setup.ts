import { startPostgres } from '../../support/postgres-server'

/**
 * Playwright's global setup: the same throwaway PostgreSQL server as the unit tests', its URL
 * handed to the specs in AIMF_TEST_POSTGRES, stopped after the run.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startPostgres()
  if (server) process.env.AIMF_TEST_POSTGRES = server.url
  return async () => server?.stop()
}
