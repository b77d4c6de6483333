import { describe, expect, it } from 'vitest';
import { createApp } from '../server/app';
import { nodePasswordHasher } from '../server/node/password-node';
import { MemoryStore } from '../server/store/memory/memory-store';
import { MOCK_DEMO_CREDENTIALS } from '../shared/demo-account';
import { buildMockDemo, MOCK_DEMO_USERS } from './mock-demo-workspace';
import { loadSavedState, saveState } from './persisted-state';

// Mock mode's demo workspace, built as the browser builds it (requests through app.request, no
// HTTP), then saved and restored as a reload does: the demo admin signs in and the experiment's
// results are the same from the restored state.

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const appOver = (store: MemoryStore) => createApp({ store, passwords: nodePasswordHasher, log: () => {} });

async function signInAndReadResults(app: ReturnType<typeof appOver>) {
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MOCK_DEMO_CREDENTIALS) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const get = async (path: string) => {
    const response = await app.request(path, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    return response.json();
  };
  const experiment = await get('/api/experiments/checkout-button');
  return { experiment, results: await get(`/api/experiments/${experiment.id}/results`), parameters: await get('/api/parameters') };
}

describe('mock demo workspace', () => {
  it('builds the demo through the in-page app, and a reload restores it with the same results', async () => {
    const store = new MemoryStore();
    const progress: number[] = [];
    const built = await buildMockDemo(appOver(store), (p) => progress.push(p.done / p.total));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(built.simulated.users).toBe(MOCK_DEMO_USERS);
    expect(Object.keys(built.simulated.enrolled).sort()).toEqual(['control', 'orange']);
    expect(built.simulated.accepted).toBe(built.simulated.eventsSent);

    const before = await signInAndReadResults(appOver(store));
    expect(before.experiment.status).toBe('running');
    const types = new Set(before.parameters.items.map((p: { spec: { type: string } }) => p.spec.type));
    expect([...types].sort()).toEqual(['array', 'boolean', 'color', 'float', 'image', 'integer', 'json', 'map', 'number', 'recommendations', 'string', 'textStyle', 'video']);

    const storage = memoryStorage();
    saveState(store.state, storage);
    const saved = storage.getItem(storage.key(0)!)!;
    console.log(`mock demo state: ${(saved.length / 1e6).toFixed(2)} M characters for ${MOCK_DEMO_USERS} users`);
    const restored = loadSavedState(storage);
    expect(restored).toEqual(store.state);
    const after = await signInAndReadResults(appOver(new MemoryStore({ state: restored! })));
    expect(after.results.variants).toEqual(before.results.variants);
    // Every simulated user counts: the back-dated traffic falls within the experiment's run.
    expect(after.results.variants.map((v: { users: number }) => v.users)).toEqual([built.simulated.enrolled.control, built.simulated.enrolled.orange]);
    expect(after.results.metrics).toEqual(before.results.metrics);
    expect(after.results.exposures).toEqual(before.results.exposures);
  }, 120_000);

  it('has no saved state on a first start, so the demo is built', () => {
    expect(loadSavedState(memoryStorage())).toBeNull();
  });
});
