import type { KnownUser } from '../../../shared/contract/segments';
import type { KnownUserStore, ObservedAttributeRecord, ObservedAttributeStore, SegmentRecord, SegmentStore } from '../types';
import type { MemoryState } from './memory-store';

const copy = <T>(value: T): T => structuredClone(value);
type State = () => MemoryState;

export class MemorySegments implements SegmentStore {
  constructor(private readonly state: State) {}
  async list(archived: boolean) {
    return [...this.state().segments.values()]
      .filter((s) => (s.archivedAt !== null) === archived)
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
      .map(copy);
  }
  async getById(id: string) {
    const segment = this.state().segments.get(id);
    return segment ? copy(segment) : null;
  }
  async insert(segment: SegmentRecord, ids?: string[]) {
    this.state().segments.set(segment.id, copy(segment));
    if (ids) this.state().segmentIds.set(segment.id, [...new Set(ids)]);
  }
  async update(segment: SegmentRecord, expectedVersion: number, ids?: string[]) {
    const current = this.state().segments.get(segment.id);
    if (!current || current.version !== expectedVersion) return null;
    const next = { ...copy(segment), version: expectedVersion + 1 };
    this.state().segments.set(segment.id, next);
    if (ids) this.state().segmentIds.set(segment.id, [...new Set(ids)]);
    return copy(next);
  }
  async getIds(segmentId: string) {
    return [...(this.state().segmentIds.get(segmentId) ?? [])].sort();
  }
}

/** Known users are kept under `knownUserKey(environment, targetingKey)`. */
export const knownUserKey = (environmentId: string, targetingKey: string) => `${environmentId}\u0000${targetingKey}`;

export class MemoryKnownUsers implements KnownUserStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().knownUsers;
  }
  private inEnvironment(environmentId: string) {
    const prefix = knownUserKey(environmentId, '');
    return [...this.map.entries()].filter(([key]) => key.startsWith(prefix)).map(([, user]) => user);
  }
  async upsert(environmentId: string, users: KnownUser[]) {
    for (const user of users) {
      const key = knownUserKey(environmentId, user.targetingKey);
      const known = this.map.get(key);
      if (!known || user.lastSeenAt >= known.lastSeenAt) this.map.set(key, copy(user));
    }
  }
  async get(environmentId: string, targetingKey: string) {
    const user = this.map.get(knownUserKey(environmentId, targetingKey));
    return user ? copy(user) : null;
  }
  async search(environmentId: string, prefix: string | undefined, limit: number) {
    return this.inEnvironment(environmentId)
      .filter((u) => !prefix || u.targetingKey.startsWith(prefix))
      .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
      .slice(0, limit)
      .map(copy);
  }
  async sample(environmentId: string, since: string, limit: number) {
    const recent = this.inEnvironment(environmentId).filter((u) => u.lastSeenAt >= since);
    if (recent.length <= limit) return { total: recent.length, users: recent.map(copy) };
    // Partial Fisher-Yates: the first `limit` places become a uniform sample.
    for (let i = 0; i < limit; i++) {
      const j = i + Math.floor(Math.random() * (recent.length - i));
      [recent[i], recent[j]] = [recent[j], recent[i]];
    }
    return { total: recent.length, users: recent.slice(0, limit).map(copy) };
  }
}

export class MemoryObservedAttributes implements ObservedAttributeStore {
  constructor(private readonly state: State) {}
  async record(attributes: ObservedAttributeRecord[], maxNames: number) {
    // By name, as the SQL stores choose which new names fit under maxNames.
    for (const attribute of [...attributes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const known = this.state().observedAttributes.get(attribute.name);
      if (!known && this.state().observedAttributes.size >= maxNames) continue;
      this.state().observedAttributes.set(attribute.name, {
        name: attribute.name,
        kinds: [...new Set([...(known?.kinds ?? []), ...attribute.kinds])].sort(),
        lastSeenAt: known && known.lastSeenAt > attribute.lastSeenAt ? known.lastSeenAt : attribute.lastSeenAt,
      });
    }
  }
  async list() {
    return [...this.state().observedAttributes.values()].sort((a, b) => a.name.localeCompare(b.name)).map(copy);
  }
}
