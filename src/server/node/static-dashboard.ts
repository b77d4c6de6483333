import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest', '.txt']);

/**
 * Serves the built dashboard; other paths get index.html so client-side routes work on reload,
 * while a missing file (a stale /assets/x.js, a /favicon.png) is a 404 rather than HTML. Text is
 * gzipped once per file version and kept in memory: the build is small and immutable.
 */
export function serveDashboard(root: string): MiddlewareHandler {
  const base = resolve(root);
  const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const requested = normalize(join(base, decodeURIComponent(c.req.path)));
    if (requested !== base && !requested.startsWith(base + sep)) return next();
    const found = await fileStat(requested);
    // A missing asset is a 404; any other path is a client-side route, dots and all
    // (/parameters/paywall.title names a parameter whose key has a dot).
    if (!found && (requested.includes(`${sep}assets${sep}`) || extname(requested) in contentTypes)) return next();
    const file = found ? requested : join(base, 'index.html');
    const info = found ?? (await fileStat(file));
    if (!info) {
      return c.text('The dashboard is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    const type = extname(file);
    const headers: Record<string, string> = {
      'content-type': contentTypes[type] ?? 'application/octet-stream',
      'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    if (compressible.has(type) && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      let cached = gzipped.get(file);
      if (!cached || cached.mtimeMs !== info.mtimeMs) {
        cached = { mtimeMs: info.mtimeMs, body: gzipSync(await readFile(file), { level: 9 }) };
        gzipped.set(file, cached);
      }
      return c.body(new Uint8Array(cached.body), 200, { ...headers, 'content-encoding': 'gzip' });
    }
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  };
}

async function fileStat(path: string): Promise<{ mtimeMs: number } | null> {
  return stat(path).then(
    (s) => (s.isFile() ? s : null),
    () => null,
  );
}

/**
 * CSP sources ('sha256-…') for the inline scripts of the built index.html: the colour scheme is set
 * before the first paint by one, which `script-src 'self'` alone blocks. None when not built yet.
 */
export async function inlineScriptHashes(root: string): Promise<string[]> {
  const html = await readFile(join(resolve(root), 'index.html'), 'utf8').catch(() => '');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
}
