import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the production dashboard build reads: a change to any of these calls for a new build. */
export const DASHBOARD_SOURCES = ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'tsconfig.json', 'public', 'package-lock.json'];
/** Beside the build output (vite empties dist/web at each build). */
export const STAMP = 'dist/dashboard-sources.sha256';
const OUTPUT = 'dist/web/index.html';

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** A hash of the dashboard sources' names and contents (not their times: a touch or a fresh clone changes nothing). */
export function dashboardSourceHash(root: string): string {
  const hash = createHash('sha256');
  const files = DASHBOARD_SOURCES.flatMap((path) => filesUnder(root, path)).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** Whether the built dashboard is missing or was built from other sources. */
export function dashboardNeedsBuild(root: string, hash = dashboardSourceHash(root)): boolean {
  if (!existsSync(join(root, OUTPUT)) || !existsSync(join(root, STAMP))) return true;
  return readFileSync(join(root, STAMP), 'utf8').trim() !== hash;
}

/** Records that the dashboard now in dist/web was built from sources with this hash. */
export function recordDashboardBuild(root: string, hash: string): void {
  writeFileSync(join(root, STAMP), `${hash}\n`);
}
