import { dayOf, type BehaviourSpec } from '../../../shared/behaviour/behaviour-rule';
import { matchesFilters } from '../../../shared/behaviour/property-filter';
import { BEHAVIOUR_PAGE_ROWS, summedNumber, type BehaviourEvent, type BehaviourSeenRow, type BehaviourStore, type BehaviourTallyRow } from '../../modules/behaviour/behaviour-store';
import type { MemoryState } from './memory-store';

/** The behaviour state's reads over the memory store's events (each stored with its seq). */
export class MemoryBehaviour implements BehaviourStore {
  constructor(private readonly state: () => MemoryState) {}

  // Nothing commits later than it is numbered here: every seq handed out is readable.
  async watermark() {
    return this.state().eventSeq;
  }

  async loadTallies(spec: BehaviourSpec, environmentId: string | undefined, fromDay: number, throughSeq: number, onPage: (rows: BehaviourTallyRow[]) => void | Promise<void>) {
    const rows = new Map<string, BehaviourTallyRow>();
    for (const e of this.state().events.values()) {
      if (e.seq > throughSeq || e.type !== 'track' || e.event !== spec.event) continue;
      const environment = e.environmentId ?? 'production';
      if (environmentId !== undefined && environment !== environmentId) continue;
      const day = dayOf(Date.parse(e.timestamp));
      if (day < fromDay || !matchesFilters(e.properties, spec.filters)) continue;
      const key = `${environment}\u0000${e.targetingKey}\u0000${day}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { environmentId: environment, targetingKey: e.targetingKey, day, count: 0, sum: 0, valued: 0 }));
      row.count++;
      const n = summedNumber(spec, e.value, e.properties);
      if (n !== null) {
        row.sum += n;
        row.valued++;
      }
    }
    await inPages([...rows.values()], onPage);
  }

  async loadSeen(environmentId: string | undefined, throughSeq: number, onPage: (rows: BehaviourSeenRow[]) => void | Promise<void>) {
    const rows = new Map<string, BehaviourSeenRow>();
    for (const e of this.state().events.values()) {
      const environment = e.environmentId ?? 'production';
      if (e.seq > throughSeq || (environmentId !== undefined && environment !== environmentId)) continue;
      const day = dayOf(Date.parse(e.timestamp));
      const key = `${environment}\u0000${e.targetingKey}`;
      const row = rows.get(key);
      if (!row) rows.set(key, { environmentId: environment, targetingKey: e.targetingKey, firstDay: day, lastDay: day });
      else {
        row.firstDay = Math.min(row.firstDay, day);
        row.lastDay = Math.max(row.lastDay, day);
      }
    }
    await inPages([...rows.values()], onPage);
  }

  async eventsSince(afterSeq: number, throughSeq: number, names: readonly string[] | null, limit: number): Promise<BehaviourEvent[]> {
    const wanted = names === null ? null : new Set(names);
    const found: BehaviourEvent[] = [];
    // The map keeps insertion order, which is seq order.
    for (const e of this.state().events.values()) {
      if (e.seq <= afterSeq || e.seq > throughSeq) continue;
      if (wanted && (e.type !== 'track' || !wanted.has(e.event))) continue;
      found.push({ seq: e.seq, environmentId: e.environmentId ?? 'production', type: e.type, targetingKey: e.targetingKey, event: e.event, ts: Date.parse(e.timestamp), value: e.value, properties: structuredClone(e.properties) });
      if (found.length >= limit) break;
    }
    return found;
  }
}

async function inPages<T>(rows: T[], onPage: (rows: T[]) => void | Promise<void>) {
  for (let i = 0; i < rows.length; i += BEHAVIOUR_PAGE_ROWS) await onPage(rows.slice(i, i + BEHAVIOUR_PAGE_ROWS));
}
