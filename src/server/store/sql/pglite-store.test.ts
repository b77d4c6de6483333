import { storeContract } from '../store-contract';
import { sharedPgliteStore, truncateAll } from './test-database';

storeContract('PGlite', async () => {
  const store = await sharedPgliteStore();
  await truncateAll(store);
  return store;
});
