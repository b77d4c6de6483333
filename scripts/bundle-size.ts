// First-load JavaScript of the built dashboard: the entry script index.html loads, every chunk
// it preloads, and (followed through the code itself) every chunk those import statically.
// Lazy chunks (import()) are not counted. Sizes are gzip level 9 and brotli, as a server or CDN
// would send them. Usage: npm run build && npx tsx scripts/bundle-size.ts [dist/web]
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const distDir = process.argv[2] ?? 'dist/web';
const html = readFileSync(join(distDir, 'index.html'), 'utf8');

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
const htmlScripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /type="module"/.test(tag)).map((tag) => attr(tag, 'src'));
const htmlPreloads = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /rel="modulepreload"/.test(tag)).map((tag) => attr(tag, 'href'));
const roots = [...htmlScripts, ...htmlPreloads].filter((src): src is string => typeof src === 'string' && src.startsWith('/'));

// Static imports in minified ES modules: `import"./a.js"`, `import{x}from"./b.js"`, `export*from"./c.js"`.
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

const seen = new Set<string>();
const queue = [...roots];
while (queue.length > 0) {
  const url = queue.shift() as string;
  if (seen.has(url)) continue;
  seen.add(url);
  const code = readFileSync(join(distDir, url), 'utf8');
  for (const match of code.matchAll(staticImport)) {
    const target = match[1];
    if (target.startsWith('.')) queue.push(posix.join(dirname(url), target));
    else if (target.startsWith('/')) queue.push(target);
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
let totalRaw = 0;
let totalGzip = 0;
let totalBrotli = 0;
console.log('   raw KB  gzip KB  brotli KB  chunk');
for (const url of seen) {
  const code = readFileSync(join(distDir, url));
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  totalRaw += code.length;
  totalGzip += gzip;
  totalBrotli += brotli;
  console.log(`  ${kb(code.length)}  ${kb(gzip)}    ${kb(brotli)}  ${url}${roots.includes(url) ? '' : '  (static import)'}`);
}
console.log(`  ${kb(totalRaw)}  ${kb(totalGzip)}    ${kb(totalBrotli)}  total first-load JS (${seen.size} files)`);
console.log(`First-load JS: ${(totalGzip / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB, ${((totalGzip / 1024 / BUDGET_KB) * 100).toFixed(0)}% used)`);
if (totalGzip / 1024 > BUDGET_KB) process.exitCode = 1;
