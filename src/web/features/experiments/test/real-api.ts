import { http } from 'msw';
import type { SessionInfo } from '../../../../shared/contract/auth';
// Tests may compose server and web (DESIGN.md); this file is imported by tests only, never by the app.
import { createTestApp } from '../../../../server/test/harness';
import { server } from '../../../test/server';

/**
 * The real server app (createApp over the memory store) answering the dashboard's /api requests
 * through MSW, signed in as the first admin: the tests exercise the real routes, validation and
 * lifecycle rules rather than canned answers.
 */
export async function useRealApi() {
  const api = createTestApp();
  const admin = await api.setupAdmin();
  const me = await api.call('GET', '/api/auth/session', undefined, admin);
  server.use(
    http.all('/api/*', async ({ request }) => {
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      headers.set('cookie', admin.cookie ?? '');
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      return api.app.request(`${url.pathname}${url.search}`, { method: request.method, headers, body: body || undefined });
    }),
  );
  const session = me.json as SessionInfo;
  /** Calls the API as the admin, failing the test on an unexpected status. */
  const call = async (method: string, path: string, body?: unknown, expected = method === 'POST' && !path.includes('/transitions') ? 201 : 200) => {
    const response = await api.call(method, path, body, admin);
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.json)}`);
    return response.json;
  };
  return { ...api, admin, session, call };
}

// Mantine's autosize Textarea (the hypothesis) listens for web fonts loading; jsdom has no document.fonts.
if (typeof document !== 'undefined' && !('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}
