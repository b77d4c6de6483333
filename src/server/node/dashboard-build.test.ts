import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardNeedsBuild, dashboardSourceHash, recordDashboardBuild } from './dashboard-build';

describe('dashboard build stamp', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'switchboard-dashboard-'));
    await mkdir(join(root, 'src/web/pages'), { recursive: true });
    await mkdir(join(root, 'src/server'), { recursive: true });
    await writeFile(join(root, 'src/web/pages/home.tsx'), 'export const home = 1;');
    await writeFile(join(root, 'index.html'), '<div id="root"></div>');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const built = async () => {
    await mkdir(join(root, 'dist/web'), { recursive: true });
    await writeFile(join(root, 'dist/web/index.html'), 'built');
    recordDashboardBuild(root, dashboardSourceHash(root));
  };

  it('builds when there is no build yet', () => {
    expect(dashboardNeedsBuild(root)).toBe(true);
  });

  it('skips the build when nothing the dashboard reads changed, even if files were touched', async () => {
    await built();
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'src/web/pages/home.tsx'), later, later);
    await writeFile(join(root, 'src/server/app.ts'), 'server code is not in the dashboard');
    expect(dashboardNeedsBuild(root)).toBe(false);
  });

  it('builds again when a dashboard source changes or a new one appears', async () => {
    await built();
    await writeFile(join(root, 'src/web/pages/home.tsx'), 'export const home = 2;');
    expect(dashboardNeedsBuild(root)).toBe(true);
    await built();
    await mkdir(join(root, 'src/shared'), { recursive: true });
    await writeFile(join(root, 'src/shared/new.ts'), 'export {};');
    expect(dashboardNeedsBuild(root)).toBe(true);
  });

  it('builds again when the output is gone', async () => {
    await built();
    await rm(join(root, 'dist/web'), { recursive: true });
    expect(dashboardNeedsBuild(root)).toBe(true);
  });
});
