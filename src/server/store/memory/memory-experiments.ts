import type { Experiment, ExperimentStatus } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import { UniqueViolation } from '../../lib/errors';
import type { ExperimentStore, ExposureRecord, ExposureStore, MetricStore } from '../types';
import type { MemoryState } from './memory-store';

const copy = <T>(value: T): T => structuredClone(value);
type State = () => MemoryState;

export class MemoryMetrics implements MetricStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().metrics;
  }
  async list(archived: boolean) {
    return [...this.map.values()].filter((m) => (m.archivedAt !== null) === archived).sort((a, b) => a.name.localeCompare(b.name)).map(copy);
  }
  async getById(id: string) {
    const metric = this.map.get(id);
    return metric ? copy(metric) : null;
  }
  async getByIds(ids: string[]) {
    return ids.flatMap((id) => (this.map.has(id) ? [copy(this.map.get(id)!)] : []));
  }
  async insert(metric: Metric) {
    if ([...this.map.values()].some((m) => m.key === metric.key)) throw new UniqueViolation('key');
    this.map.set(metric.id, copy(metric));
  }
  async update(metric: Metric, expectedVersion: number) {
    const stored = this.map.get(metric.id);
    if (!stored || stored.version !== expectedVersion) return null;
    this.map.set(metric.id, copy(metric));
    return copy(metric);
  }
}

export class MemoryExperiments implements ExperimentStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().experiments;
  }
  async list(statuses?: readonly ExperimentStatus[], environmentId?: string) {
    return [...this.map.values()]
      .filter((e) => (!statuses || statuses.includes(e.status)) && (!environmentId || e.environmentId === environmentId))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map(copy);
  }
  async getById(id: string) {
    const experiment = this.map.get(id);
    return experiment ? copy(experiment) : null;
  }
  async getByKey(key: string) {
    const experiment = [...this.map.values()].find((e) => e.key === key);
    return experiment ? copy(experiment) : null;
  }
  async insert(experiment: Experiment) {
    if ([...this.map.values()].some((e) => e.key === experiment.key)) throw new UniqueViolation('key');
    this.map.set(experiment.id, copy(experiment));
  }
  async update(experiment: Experiment, expectedVersion: number) {
    const stored = this.map.get(experiment.id);
    if (!stored || stored.version !== expectedVersion) return null;
    this.map.set(experiment.id, copy(experiment));
    return copy(experiment);
  }
}

export class MemoryExposures implements ExposureStore {
  constructor(private readonly state: State) {}
  private users(experimentId: string) {
    const all = this.state().exposures;
    let users = all.get(experimentId);
    if (!users) all.set(experimentId, (users = new Map()));
    return users;
  }
  async record(exposures: ExposureRecord[]) {
    for (const exposure of exposures) {
      const users = this.users(exposure.experimentId);
      const stored = users.get(exposure.targetingKey);
      if (!stored) users.set(exposure.targetingKey, { ...exposure });
      else if (exposure.firstSeenAt < stored.firstSeenAt) stored.firstSeenAt = exposure.firstSeenAt;
    }
  }
  async variantsOf(experimentId: string) {
    return new Map([...this.users(experimentId).values()].map((e) => [e.targetingKey, e.variant]));
  }
  async exposedUsersAfter(experimentId: string, after: string | null, limit: number) {
    // Byte order of UTF-16 code units, as JavaScript sorts; the SQL stores order by their collation. Either pages consistently.
    const keys = [...this.users(experimentId).keys()].sort();
    const start = after === null ? 0 : keys.findIndex((key) => key > after);
    return start < 0 ? [] : keys.slice(start, start + limit);
  }
  async counts(experimentId: string) {
    const counts = new Map<string, number>();
    for (const e of this.users(experimentId).values()) counts.set(e.variant, (counts.get(e.variant) ?? 0) + 1);
    return [...counts].map(([variant, users]) => ({ variant, users })).sort((a, b) => a.variant.localeCompare(b.variant));
  }
}
