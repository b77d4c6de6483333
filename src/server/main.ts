import { readSettings } from './node/settings';
import { startServer } from './node/start-server';

// `npm start` runs this: the dashboard and every API on one port.
const settings = readSettings();
try {
  const server = await startServer(settings);
  const where = settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${settings.dataDir}`;
  console.log(`Switchboard is running at ${server.url} (data: ${where})`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
