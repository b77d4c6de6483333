import { openStore } from './node/open-store';
import { readSettings } from './node/settings';
import type { Store } from './store/types';

// `npm start` runs this: the dashboard and every API on one port.
const settings = readSettings();
// The database opens (PGlite starts on its worker thread) while the app's modules load.
const opening: Promise<Store> = openStore(settings);
opening.catch(() => {}); // reported below, once startServer awaits it
try {
  const { startServer } = await import('./node/start-server');
  const server = await startServer(settings, opening);
  const where = settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${settings.dataDir}`;
  console.log(`Switchboard is running at ${server.url} (data: ${where})`);
  // Ctrl-C or a supervisor's SIGTERM: stop listening, write pending known users and exposures,
  // then close the database (PGlite's worker closes its data folder cleanly) before exiting.
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutting down failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await opening.then((store) => store.close()).catch(() => {});
  process.exit(1);
}
