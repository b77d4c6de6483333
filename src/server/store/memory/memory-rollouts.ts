import type { Rollout } from '../../../shared/contract/rollouts';
import type { RolloutStore } from '../types';
import type { MemoryState } from './memory-store';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryRollouts implements RolloutStore {
  constructor(private readonly state: () => MemoryState) {}
  private get map() {
    return this.state().rollouts;
  }
  async list(filter: { environmentId?: string; status?: string }) {
    return [...this.map.values()]
      .filter((r) => (!filter.environmentId || r.environmentId === filter.environmentId) && (!filter.status || r.status === filter.status))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map(copy);
  }
  async getById(id: string) {
    const rollout = this.map.get(id);
    return rollout ? copy(rollout) : null;
  }
  async insert(rollout: Rollout) {
    this.map.set(rollout.id, copy(rollout));
  }
  async update(rollout: Rollout, expectedVersion: number) {
    const stored = this.map.get(rollout.id);
    if (!stored || stored.version !== expectedVersion) return null;
    this.map.set(rollout.id, copy(rollout));
    return copy(rollout);
  }
  async listDue(now: string) {
    const at = Date.parse(now);
    return [...this.map.values()]
      .filter((r) => r.status === 'running' && r.nextCheckAt !== null && Date.parse(r.nextCheckAt) <= at)
      .sort((a, b) => Date.parse(a.nextCheckAt!) - Date.parse(b.nextCheckAt!) || a.id.localeCompare(b.id))
      .map(copy);
  }
}
