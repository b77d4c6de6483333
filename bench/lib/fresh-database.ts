import pg from 'pg';

/**
 * A new, empty database on the PostgreSQL server of `url` (so each benchmark server seeds its own
 * parameters and events without meeting another's), and a way to drop it afterwards.
 */
export async function freshPostgresDatabase(url: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const safe = name.replace(/[^a-z0-9_]/g, '_');
  await admin(`DROP DATABASE IF EXISTS ${safe}`);
  await admin(`CREATE DATABASE ${safe}`);
  const fresh = new URL(url);
  fresh.pathname = `/${safe}`;
  return { url: fresh.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${safe} WITH (FORCE)`) };
}
