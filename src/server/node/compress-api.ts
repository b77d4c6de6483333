import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const gzipAsync = promisify(gzip);
const MIN_BYTES = 1024;
const compressible = /^application\/(json|problem\+json)\b/;

/**
 * Gzips the API's JSON answers of 1 KiB and more (a results answer is ~25 KB, ~4 KB zipped: a
 * tenth of a second on a phone's slow network), on libuv's thread pool. Not hono/compress: it
 * streams, so it cannot tell a small answer (c.json sets no Content-Length) from a large one.
 * Node entry only: in the browser mock a Response built by hand reaches the page undecoded.
 * Apps' /ofrep and /sdk stay plain: they are hot, small, and cached by the apps.
 */
export function compressApi(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('content-encoding') || !compressible.test(res.headers.get('content-type') ?? '')) return;
    res.headers.append('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return;
    const plain = new Uint8Array(await res.arrayBuffer());
    if (plain.byteLength < MIN_BYTES) {
      c.res = new Response(plain, res);
      return;
    }
    // Hono copies the old answer's headers onto the new one: a Content-Length among them is dropped after.
    c.res = new Response(new Uint8Array(await gzipAsync(plain)), res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', 'gzip');
  };
}
