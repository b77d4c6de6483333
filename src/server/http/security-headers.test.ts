import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness';

describe('page security headers', () => {
  it('sends no HSTS over plain HTTP (SECURE_COOKIES off), and X-Frame-Options DENY agreeing with the CSP', async () => {
    const t = createTestApp();
    const response = await t.call('GET', '/api/health');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS when served over HTTPS (SECURE_COOKIES on)', async () => {
    const t = createTestApp({ config: { secureCookies: true } });
    const response = await t.call('GET', '/api/health');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
