import type { EventCatalogEntry, EventPartitionChanges, EventStore, ExposureRecord, StoredEvent } from '../types';
import { MemoryExposures } from './memory-experiments';
import type { MemoryState } from './memory-store';

export class MemoryEvents implements EventStore {
  constructor(private readonly state: () => MemoryState) {}

  async insertBatch(events: StoredEvent[], exposures: ExposureRecord[] = []) {
    // Nothing here can fail half-way, so events and exposures land together without a draft copy.
    let inserted = 0;
    for (const event of events) {
      // The SQL stores' key: a retried batch repeats all three.
      const key = `${event.targetingKey}\u0000${event.id}\u0000${Date.parse(event.timestamp)}`;
      if (this.state().events.has(key)) continue;
      this.state().events.set(key, { ...structuredClone(event), seq: ++this.state().eventSeq });
      inserted++;
    }
    await new MemoryExposures(this.state).record(exposures);
    return inserted;
  }

  async maintain(now: Date, retentionDays: number | null): Promise<EventPartitionChanges> {
    if (retentionDays === null) return { created: [], dropped: [] };
    const cutoff = Math.floor(now.getTime() / 86_400_000) * 86_400_000 - retentionDays * 86_400_000;
    for (const [key, event] of this.state().events) if (Date.parse(event.timestamp) < cutoff) this.state().events.delete(key);
    return { created: [], dropped: [] };
  }

  async catalog() {
    const groups = new Map<string, { entry: EventCatalogEntry; users: Set<string>; properties: Set<string> }>();
    for (const e of this.state().events.values()) {
      const id = `${e.type}\u0000${e.event}`;
      let group = groups.get(id);
      if (!group) {
        group = { entry: { event: e.event, type: e.type, count: 0, users: 0, withValue: 0, properties: [], lastSeenAt: e.timestamp }, users: new Set(), properties: new Set() };
        groups.set(id, group);
      }
      group.entry.count++;
      if (e.value !== null) group.entry.withValue++;
      if (e.timestamp > group.entry.lastSeenAt) group.entry.lastSeenAt = e.timestamp;
      group.users.add(e.targetingKey);
      Object.keys(e.properties ?? {}).forEach((key) => group.properties.add(key));
    }
    return [...groups.values()]
      .map(({ entry, users, properties }) => ({ ...entry, lastSeenAt: new Date(entry.lastSeenAt).toISOString(), users: users.size, properties: [...properties].sort() }))
      .sort((a, b) => b.count - a.count || a.event.localeCompare(b.event));
  }
}
