import { describe, expect, it } from 'vitest'
import { FILE_PURPOSES, FileGrants } from '../../electron/main/files/file-grants'
import { AppFailure } from '../../electron/main/failure'
import { FILE_TOKEN_PATTERN } from '@shared/files/schema'

/** The refusal's message key, or 'granted' with the path. */
function attempt(grants: FileGrants, token: string, purpose: keyof typeof FILE_PURPOSES) {
  try {
    return `granted ${grants.redeem(token, purpose)}`
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error
    expect(error.code).toBe('FORBIDDEN')
    return error.fields[0]?.key
  }
}

describe('file grants', () => {
  it('hand out random tokens, one per file and purpose, redeemed only for that file and purpose', () => {
    const grants = new FileGrants()
    const data = grants.grant('/home/agent/AIMF.sqlite', 'data-file')
    expect(data).toMatch(FILE_TOKEN_PATTERN)
    expect(grants.grant('/home/agent/AIMF.sqlite', 'data-file')).toBe(data)
    expect(grants.grant('/home/agent/./x/../AIMF.sqlite', 'data-file')).toBe(data)
    const reveal = grants.grant('/home/agent/AIMF.sqlite', 'reveal')
    expect(reveal).not.toBe(data)
    // Not derived from the path: another registry gives another token for the same file.
    expect(new FileGrants().grant('/home/agent/AIMF.sqlite', 'data-file')).not.toBe(data)

    expect(attempt(grants, data, 'data-file')).toBe('granted /home/agent/AIMF.sqlite')
    expect(attempt(grants, data, 'reveal')).toBe('errors.fileGrantPurpose')
    expect(attempt(grants, data, 'import-workbook')).toBe('errors.fileGrantPurpose')
    expect(attempt(grants, reveal, 'reveal')).toBe('granted /home/agent/AIMF.sqlite')
    for (const forged of [
      '/home/agent/AIMF.sqlite',
      '',
      'A'.repeat(32),
      data.slice(1) + 'A',
      data.toLowerCase() === data ? data.toUpperCase() : data.toLowerCase(),
      `${data} `,
      '__proto__',
      'constructor',
    ]) {
      expect(attempt(grants, forged, 'data-file')).toBe('errors.fileNotGranted')
    }
  })

  it('expire after their purpose’s time, and each new grant renews it', () => {
    let now = 1_000_000
    const grants = new FileGrants(() => now)
    const token = grants.grant('/tmp/import.xlsx', 'import-workbook')
    now += FILE_PURPOSES['import-workbook'].ttlMs - 1
    expect(attempt(grants, token, 'import-workbook')).toBe('granted /tmp/import.xlsx')
    expect(grants.grant('/tmp/import.xlsx', 'import-workbook')).toBe(token)
    now += FILE_PURPOSES['import-workbook'].ttlMs - 1
    expect(attempt(grants, token, 'import-workbook')).toBe('granted /tmp/import.xlsx')
    now += 1
    expect(attempt(grants, token, 'import-workbook')).toBe('errors.fileGrantExpired')
    // Still said to have expired while other files are granted; the file granted again is
    // given a new token.
    grants.grant('/tmp/other.xlsx', 'import-workbook')
    expect(attempt(grants, token, 'import-workbook')).toBe('errors.fileGrantExpired')
    expect(grants.grant('/tmp/import.xlsx', 'import-workbook')).not.toBe(token)
    // Forgotten a day after it expired.
    now += 24 * 60 * 60 * 1000
    grants.grant('/tmp/other.xlsx', 'import-workbook')
    expect(attempt(grants, token, 'import-workbook')).toBe('errors.fileNotGranted')
  })

  it('are withdrawn by file or by purpose', () => {
    const grants = new FileGrants()
    const recent = grants.grant('/a.sqlite', 'data-file')
    const shown = grants.grant('/a.sqlite', 'reveal')
    const workbook = grants.grant('/b.xlsx', 'import-workbook')
    grants.revokeFile('/a.sqlite', 'data-file')
    expect(attempt(grants, recent, 'data-file')).toBe('errors.fileNotGranted')
    expect(attempt(grants, shown, 'reveal')).toBe('granted /a.sqlite')
    grants.revokePurpose('import-workbook')
    expect(attempt(grants, workbook, 'import-workbook')).toBe('errors.fileNotGranted')
    grants.revokeFile('/a.sqlite')
    expect(grants.size).toBe(0)
  })

  it('keep at most 500, dropping the least recently granted', () => {
    const grants = new FileGrants()
    const first = grants.grant('/exports/0.pdf', 'reveal')
    const second = grants.grant('/exports/1.pdf', 'reveal')
    for (let i = 2; i < 600; i++) {
      grants.grant(`/exports/${i}.pdf`, 'reveal')
      // The first is granted again as it goes: it stays.
      if (i % 100 === 0) grants.grant('/exports/0.pdf', 'reveal')
    }
    expect(grants.size).toBe(500)
    expect(attempt(grants, first, 'reveal')).toBe('granted /exports/0.pdf')
    expect(attempt(grants, second, 'reveal')).toBe('errors.fileNotGranted')
  })
})
