import { describe, it } from 'vitest';
import { storeContract } from '../store-contract';
import { postgresStore, truncateAll } from './test-database';

// Runs when TEST_DATABASE_URL points at a PostgreSQL 15 database (.ci/run starts one).
const url = process.env.TEST_DATABASE_URL;

if (url) {
  storeContract('PostgreSQL', async () => {
    const store = await postgresStore(url);
    await truncateAll(store);
    return store;
  });
} else {
  describe.skip('store contract: PostgreSQL (set TEST_DATABASE_URL to run)', () => {
    it('needs TEST_DATABASE_URL', () => {});
  });
}
