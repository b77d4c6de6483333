import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readSettings } from '../../src/server/node/settings';
import { startServer } from '../../src/server/node/start-server';

// The server Playwright drives: real HTTP, real PGlite, a data folder wiped per run.
// One data folder per port, so parallel runs (E2E_PORT) never share a database.
const dataDir = resolve(`.tmp/e2e-data-${process.env.E2E_PORT ?? 4173}`);
await rm(dataDir, { recursive: true, force: true });
const settings = { ...readSettings({}), port: Number(process.env.E2E_PORT ?? 4173), dataDir };
const server = await startServer(settings);
console.log(`e2e server at ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
