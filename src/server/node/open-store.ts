import { mkdir } from 'node:fs/promises';
import { openPgliteStore, openPostgresStore } from '../store/sql/open';
import type { Store } from '../store/types';
import type { Settings } from './settings';

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR (on a worker thread). Apart from
 * start-server.ts, which loads the whole app, so main.ts can start it while the app's modules load.
 */
export async function openStore(settings: Settings): Promise<Store> {
  if (settings.databaseUrl) return openPostgresStore(settings.databaseUrl);
  await mkdir(settings.dataDir, { recursive: true });
  return openPgliteStore(settings.dataDir);
}
