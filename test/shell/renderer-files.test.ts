import { describe, expect, it } from 'vitest'
import { resolveRendererFile } from '../../electron/main/security/renderer-files'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/content-security-policy'

describe('serving the interface', () => {
  it('serves files under the renderer folder only', () => {
    expect(resolveRendererFile('/app/renderer', '/')).toBe('/app/renderer/index.html')
    expect(resolveRendererFile('/app/renderer', '/assets/index.js?v=1')).toBe(
      '/app/renderer/assets/index.js',
    )
    for (const attack of [
      '/../main/index.js',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/../../x',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(resolveRendererFile('/app/renderer', attack)).toBeNull()
    }
  })

  it('allows scripts from the app only, and no network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })
})
