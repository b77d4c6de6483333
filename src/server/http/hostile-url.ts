import { problem, problemResponse } from './problem';

/**
 * A 400 for URLs no route can mean, before any route sees them, or null for the rest: a path
 * that is not valid percent-encoded UTF-8 (decoding it throws deep inside a handler), and a NUL
 * byte (`%00`) anywhere, which PostgreSQL text cannot hold (the query fails). Costs one `includes`
 * for URLs without a `%`, so the OFREP hot path does not notice.
 */
export function refuseHostileUrl(url: string): Response | null {
  if (!url.includes('%')) return null;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const query = url.indexOf('?', start);
  const path = query === -1 ? url.slice(start) : url.slice(start, query);
  let reason: string | null = null;
  if (url.includes('%00')) reason = 'The URL contains a NUL byte (%00)';
  else if (!decodes(path)) reason = 'The URL path is not valid percent-encoded UTF-8';
  if (!reason) return null;
  if (path.startsWith('/ofrep/')) {
    return new Response(JSON.stringify({ errorCode: 'GENERAL', errorDetails: reason }), {
      status: 400,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    });
  }
  return problemResponse(problem(400, 'Invalid request', reason));
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
