import { Hono } from 'hono';
import type { SwitchboardApp } from '../server/app';

/**
 * Mock mode runs the server app in the page, where browsers enforce two rules a real network
 * hop would not: a constructed Request drops its `cookie` header, and a constructed Response
 * drops `set-cookie`. This bridge carries the session cookie across anyway (see
 * docs/mock-mode.md, point 1):
 *  - outgoing: the page's document.cookie goes on the forwarded request;
 *  - incoming: every Set-Cookie the app writes is copied into document.cookie (minus
 *    HttpOnly, which script-set cookies cannot have; acceptable for a demo, never for production).
 */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface CookieJar {
  read(): string;
  write(setCookie: string): void;
}

export const documentCookieJar: CookieJar = {
  read: () => document.cookie,
  write: (setCookie) => {
    document.cookie = toDocumentCookie(setCookie);
  },
};

/** "a=1; Path=/; HttpOnly; Secure; SameSite=Lax" -> "a=1; Path=/; SameSite=Lax" */
export function toDocumentCookie(setCookie: string): string {
  return setCookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => !/^(httponly|secure)$/i.test(part))
    .join('; ');
}

/** Wraps the app so it reads and writes cookies through `jar`. */
export function withCookieBridge(app: SwitchboardApp, jar: CookieJar = documentCookieJar): FetchHandler {
  const bridge = new Hono();
  bridge.use('*', async (c, next) => {
    const setHeader = c.header;
    c.header = (name: string, value?: string, options?: { append?: boolean }) => {
      if (value !== undefined && name.toLowerCase() === 'set-cookie') jar.write(value);
      setHeader(name, value, options);
    };
    await next();
  });
  // Mounted, not called: the app's handlers then share the context whose `header` is wrapped above.
  bridge.route('/', app);

  return async (request) => {
    const headers = new Headers(request.headers);
    const cookie = jar.read();
    if (cookie) headers.set('cookie', cookie);
    else headers.delete('cookie');
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const body = hasBody ? await request.arrayBuffer() : undefined;
    // With a length, hono's bodyLimit checks it instead of re-wrapping the request in a new
    // Request (which would drop the cookie again). Also a forbidden header, also kept here.
    if (body) headers.set('content-length', String(body.byteLength));
    const forwarded = new Request(request.url, { method: request.method, headers, body });
    // A Request's own headers would drop `cookie`; a plain Headers object keeps it.
    Object.defineProperty(forwarded, 'headers', { value: headers });
    return bridge.fetch(forwarded);
  };
}
