import { emptyMemoryState, type MemoryState } from '../server/store/memory/memory-store';

/**
 * Keeps the mock's memory store in sessionStorage, so the demo survives a reload of the tab
 * (and, as the banner says, lives in this tab only). Maps are written as tagged entry lists,
 * so the state can grow new fields without changes here; fields missing from an older save
 * start empty. v2: the mock opens on the demo workspace; an empty v1 save must not hide it.
 * v3: parameters are kept per environment, so a save from before environments is not read.
 */
const STORAGE_KEY = 'switchboard.mock.state.v3';
const MAP_TAG = '__map__';

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { [MAP_TAG]: [...value] } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && MAP_TAG in value) {
    const entries = (value as Record<typeof MAP_TAG, unknown>)[MAP_TAG];
    if (Array.isArray(entries)) return new Map(entries as Array<[unknown, unknown]>);
  }
  return value;
}

/** The state this tab saved, or null on a first start (or after an unreadable save). */
export function loadSavedState(storage: Storage = sessionStorage): MemoryState | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const saved = JSON.parse(raw, reviver) as Partial<MemoryState>;
    return { ...emptyMemoryState(), ...saved };
  } catch {
    storage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function saveState(state: MemoryState, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(state, replacer));
}
