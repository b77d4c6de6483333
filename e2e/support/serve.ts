import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readSettings } from '../../src/server/node/settings';
import { startServer } from '../../src/server/node/start-server';

// The server Playwright drives: real HTTP, real PGlite, a data folder wiped per run.
// One data folder and one build per port, so parallel runs (E2E_PORT) never share either.
const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = resolve(`.tmp/e2e-data-${port}`);
await rm(dataDir, { recursive: true, force: true });
const settings = { ...readSettings({}), port, dataDir, dashboardDir: resolve(`.tmp/e2e-web-${port}`) };
const server = await startServer(settings);
console.log(`e2e server at ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
