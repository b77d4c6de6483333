import { spawnSync } from 'node:child_process';
import { dashboardNeedsBuild, dashboardSourceHash, recordDashboardBuild } from '../src/server/node/dashboard-build';

// `npm start` and `npm run demo` run this first: the dashboard is built only when its sources
// changed since the last build, so a later start skips vite (seconds) when nothing did.
const root = process.cwd();
const hash = dashboardSourceHash(root);
if (dashboardNeedsBuild(root, hash)) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  recordDashboardBuild(root, hash);
} else {
  console.log('Dashboard is up to date (dist/web)');
}
