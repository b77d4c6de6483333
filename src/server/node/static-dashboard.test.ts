import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestApp } from '../test/harness';
import { inlineScriptHashes, serveDashboard } from './static-dashboard';

let app: Hono;
let root: string;
const colourScript = "document.documentElement.setAttribute('data-mantine-color-scheme', 'dark');";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dashboard-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), `<!doctype html><title>Switchboard</title><script>${colourScript}</script><script type="module" src="/assets/app-1234.js"></script>`);
  await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log("switchboard");'.repeat(50));
  app = new Hono();
  app.use('*', serveDashboard(root));
  app.notFound((c) => c.json({ status: 404 }, 404));
});

describe('serveDashboard', () => {
  it('serves a route whose last part has a dot (a parameter key) with index.html', async () => {
    const response = await app.request('/parameters/paywall.title');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('serves client-side routes with index.html and never caches it', async () => {
    const response = await app.request('/experiments/123/results');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Switchboard</title>');
  });

  it('gzips hashed assets for clients that accept it, and caches them for good', async () => {
    const plain = await app.request('/assets/app-1234.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const zipped = await app.request('/assets/app-1234.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan((await plain.text()).length / 5);
    expect(gunzipSync(body).toString()).toBe(await (await app.request('/assets/app-1234.js')).text());
  });

  it('answers 404 for a missing file rather than the page, and stays inside its folder', async () => {
    expect((await app.request('/assets/gone-9999.js')).status).toBe(404);
    expect((await app.request('/assets/gone-9999.title')).status).toBe(404);
    expect((await app.request('/missing.png')).status).toBe(404);
    expect((await app.request('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });
});

describe('inlineScriptHashes', () => {
  it('lets the CSP run index.html\u2019s inline script, and only it', async () => {
    const hash = `'sha256-${createHash('sha256').update(colourScript).digest('base64')}'`;
    expect(await inlineScriptHashes(root)).toEqual([hash]);
    const t = createTestApp({ dashboardScriptHashes: await inlineScriptHashes(root) });
    const csp = (await t.app.request('/api/health')).headers.get('content-security-policy') ?? '';
    expect(csp.split('; ').find((directive) => directive.startsWith('script-src'))).toBe(`script-src 'self' ${hash}`);
  });

  it('finds none before the dashboard is built', async () => {
    expect(await inlineScriptHashes(join(root, 'not-built'))).toEqual([]);
  });
});
