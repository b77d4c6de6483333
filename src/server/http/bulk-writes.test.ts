import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSdkKey } from '../../shared/contract/sdk-keys';
import { MAX_SEGMENT_IDS, type Segment } from '../../shared/contract/segments';
import { MAX_OBSERVED_ATTRIBUTES } from './limits';
import { sharedPgliteStore, truncateAll } from '../store/sql/test-database';
import { ADMIN, createTestApp, type Caller } from '../test/harness';

// The largest lists the API takes, end to end on PGlite: a statement of more than 32,767 bind
// parameters made PGlite answer no rows to every later query, so health failed and every login
// and app was refused until restart. Each case ends by checking the server still serves.

let t: ReturnType<typeof createTestApp>;
let admin: Caller;
let app: Caller;

beforeAll(async () => {
  const store = await sharedPgliteStore();
  await truncateAll(store);
  t = createTestApp({ store });
  admin = await t.setupAdmin();
  app = { bearer: (await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'web', kind: 'client' }, admin)).json.secret };
}, 120_000);

async function expectServing() {
  expect((await t.call('GET', '/api/health')).status).toBe(200);
  expect((await t.call('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).status).toBe(200);
  expect((await t.call('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: 'someone' } }, app)).status).toBe(200);
}

describe('bulk writes on PGlite', () => {
  it('saves a segment of MAX_SEGMENT_IDS ids and keeps serving', async () => {
    const ids = Array.from({ length: MAX_SEGMENT_IDS }, (_, i) => `member-${i}`);
    const created = await t.call<Segment>('POST', '/api/segments', { name: 'Everyone', definition: { kind: 'ids', ids } }, admin);
    expect(created.status).toBe(201);
    expect(created.json.definition).toMatchObject({ kind: 'ids', idCount: MAX_SEGMENT_IDS });
    expect(await t.store.segments.getIds(created.json.id)).toHaveLength(MAX_SEGMENT_IDS);
    await expectServing();
  }, 120_000);

  it(`records contexts of 5,462 attribute names each, keeps at most ${MAX_OBSERVED_ATTRIBUTES} names, and keeps serving`, async () => {
    // Straight to the recorder, as /ofrep hands it contexts: the door's own limits may refuse such
    // a request first, but the recorder and the store must not depend on that.
    for (const user of ['wide-1', 'wide-2']) {
      t.app.services.knownUsers.observe('production', { targetingKey: user, ...Object.fromEntries(Array.from({ length: 5462 }, (_, i) => [`${user}-attr-${i}`, i])) });
    }
    await t.app.services.knownUsers.flush();
    expect(await t.store.observedAttributes.list()).toHaveLength(MAX_OBSERVED_ATTRIBUTES);
    expect(Object.keys((await t.store.knownUsers.get('production', 'wide-2'))?.attributes ?? {})).toHaveLength(5462);
    // Full: another flush of new names stores none of them; a kept name still widens its kinds.
    const kept = (await t.store.observedAttributes.list())[0].name;
    t.app.services.knownUsers.observe('production', { targetingKey: 'wide-3', [kept]: 'text now', ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`wide-3-attr-${i}`, i])) });
    await t.app.services.knownUsers.flush();
    const observed = await t.store.observedAttributes.list();
    expect(observed).toHaveLength(MAX_OBSERVED_ATTRIBUTES);
    expect(observed.find((a) => a.name === kept)?.kinds).toEqual(['number', 'text']);
    await expectServing();
  }, 120_000);
});
