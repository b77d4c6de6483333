import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
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

/** Serves the built dashboard; unknown paths get index.html so client-side routes work on reload. */
export function serveDashboard(root: string): MiddlewareHandler {
  const base = resolve(root);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const requested = normalize(join(base, decodeURIComponent(c.req.path)));
    if (requested !== base && !requested.startsWith(base + sep)) return next();
    const file = (await isFile(requested)) ? requested : join(base, 'index.html');
    if (!(await isFile(file))) {
      return c.text('The dashboard is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    const body = await readFile(file);
    const hashedAsset = file.includes(`${sep}assets${sep}`);
    return c.body(body, 200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
