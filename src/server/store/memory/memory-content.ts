import type { AuditEntry } from '../../../shared/contract/audit';
import type { Environment } from '../../../shared/contract/environments';
import type { Parameter } from '../../../shared/contract/parameters';
import { UniqueViolation } from '../../lib/errors';
import type {
  AuditQuery,
  AuditStore,
  ChangeRequestRecord,
  ChangeRequestStore,
  ConfigVersionStore,
  EnvironmentStore,
  ParameterQuery,
  ParameterStore,
  ParameterVersionRecord,
  RequestedKeyRecord,
  RequestedKeyStore,
  SdkKeyRecord,
  SdkKeyStore,
} from '../types';
import type { MemoryState } from './memory-store';

const copy = <T>(value: T): T => structuredClone(value);
type State = () => MemoryState;

export class MemoryAudit implements AuditStore {
  constructor(private readonly state: State) {}
  async insert(entry: AuditEntry) {
    this.state().audit.push(copy(entry));
  }
  async list(query: AuditQuery) {
    const newestFirst = (a: AuditEntry, b: AuditEntry) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id);
    return this.state()
      .audit.filter(
        (e) =>
          (!query.objectType || e.objectType === query.objectType) &&
          (!query.objectId || e.objectId === query.objectId) &&
          (!query.actorId || e.actorId === query.actorId) &&
          (!query.from || e.at >= query.from) &&
          (!query.to || e.at <= query.to) &&
          (!query.before || e.at < query.before.at || (e.at === query.before.at && e.id < query.before.id)),
      )
      .sort(newestFirst)
      .slice(0, query.limit)
      .map(copy);
  }
}

const sortKeys: Record<string, (p: Parameter) => string> = {
  key: (p) => p.key,
  name: (p) => p.name.toLowerCase(),
  type: (p) => p.spec.type,
  updatedAt: (p) => p.updatedAt,
};

/** One entry per environment and parameter: the shared definition is repeated in each. */
const entryKey = (environmentId: string, id: string) => `${environmentId}\u0000${id}`;
const definitionOf = ({ name, description, tags, spec, archivedAt }: Parameter) => ({ name, description, tags, spec, archivedAt });

export class MemoryParameters implements ParameterStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().parameters;
  }
  private inEnvironment(environmentId: string) {
    return [...this.map.values()].filter((p) => p.environmentId === environmentId);
  }
  async list(query: ParameterQuery) {
    const search = query.search?.toLowerCase();
    const matches = this.inEnvironment(query.environmentId).filter(
      (p) =>
        (p.archivedAt !== null) === query.archived &&
        (!query.type || p.spec.type === query.type) &&
        (!query.tag || p.tags.includes(query.tag)) &&
        (!search || [p.key, p.name, p.description].some((text) => text.toLowerCase().includes(search))),
    );
    const descending = query.sort.startsWith('-');
    const keyOf = sortKeys[query.sort.replace('-', '')];
    matches.sort((a, b) => {
      const order = keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a.key < b.key ? -1 : 1;
      return descending ? -order : order;
    });
    return { items: matches.slice(query.offset, query.offset + query.limit).map(copy), total: matches.length };
  }
  async tags() {
    return [...new Set([...this.map.values()].flatMap((p) => p.tags))].sort();
  }
  async listActive(environmentId: string) {
    return this.inEnvironment(environmentId)
      .filter((p) => p.archivedAt === null)
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map(copy);
  }
  async getById(id: string, environmentId: string) {
    const parameter = this.map.get(entryKey(environmentId, id));
    return parameter ? copy(parameter) : null;
  }
  async getByIds(ids: string[], environmentId: string) {
    return ids.flatMap((id) => {
      const parameter = this.map.get(entryKey(environmentId, id));
      return parameter ? [copy(parameter)] : [];
    });
  }
  async getByKey(key: string, environmentId: string) {
    const parameter = this.inEnvironment(environmentId).find((p) => p.key === key);
    return parameter ? copy(parameter) : null;
  }
  async insert(parameter: Parameter) {
    if ([...this.map.values()].some((p) => p.key === parameter.key)) throw new UniqueViolation('key');
    await this.insertSettings(parameter);
  }
  async insertSettings(parameter: Parameter) {
    this.map.set(entryKey(parameter.environmentId, parameter.id), copy(parameter));
  }
  async update(parameter: Parameter, expectedVersion: number) {
    const current = this.map.get(entryKey(parameter.environmentId, parameter.id));
    if (!current || current.version !== expectedVersion) return null;
    const next = { ...copy(parameter), key: current.key, version: expectedVersion + 1 };
    this.map.set(entryKey(parameter.environmentId, parameter.id), next);
    // The definition is shared: every environment's entry shows the change, and, as in SQL, its
    // updatedAt/updatedBy when that edit is later than the environment's own last change.
    if (JSON.stringify(definitionOf(current)) !== JSON.stringify(definitionOf(next))) {
      for (const [key, other] of this.map) {
        if (other.id !== parameter.id || other === next) continue;
        const edited = next.updatedAt > other.updatedAt ? { updatedAt: next.updatedAt, updatedBy: next.updatedBy } : {};
        this.map.set(key, { ...other, ...copy(definitionOf(next)), ...edited });
      }
    }
    return copy(next);
  }
  async copyEnvironment(fromId: string, toId: string, at: string, authorName: string) {
    for (const source of this.inEnvironment(fromId)) {
      const copied: Parameter = { ...copy(source), environmentId: toId, version: 1, updatedAt: at, updatedBy: authorName };
      this.map.set(entryKey(toId, source.id), copied);
      const history = { parameterId: source.id, version: 1, action: 'created' as const, snapshot: copy(copied), changes: [], restoredFrom: null, authorId: null, authorName, createdAt: at };
      this.state().parameterVersions.push(history);
    }
  }
  async insertVersion(version: ParameterVersionRecord) {
    this.state().parameterVersions.push(copy(version));
  }
  private versionsOf(parameterId: string, environmentId: string) {
    return this.state().parameterVersions.filter((v) => v.parameterId === parameterId && v.snapshot.environmentId === environmentId);
  }
  async listVersions(parameterId: string, environmentId: string) {
    return this.versionsOf(parameterId, environmentId)
      .sort((a, b) => b.version - a.version)
      .map(({ parameterId: _id, ...version }) => copy(version));
  }
  async getVersion(parameterId: string, environmentId: string, version: number) {
    const found = this.versionsOf(parameterId, environmentId).find((v) => v.version === version);
    if (!found) return null;
    const { parameterId: _id, ...rest } = found;
    return copy(rest);
  }
}

export class MemoryChangeRequests implements ChangeRequestStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().changeRequests;
  }
  async list(filter: { environmentId?: string; status?: string }) {
    return [...this.map.values()]
      .filter((r) => (!filter.environmentId || r.environmentId === filter.environmentId) && (!filter.status || r.status === filter.status))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map(copy);
  }
  async getById(id: string) {
    const request = this.map.get(id);
    return request ? copy(request) : null;
  }
  async insert(request: ChangeRequestRecord) {
    this.map.set(request.id, copy(request));
  }
  async update(request: ChangeRequestRecord, expectedVersion: number) {
    const current = this.map.get(request.id);
    if (!current || current.version !== expectedVersion) return null;
    this.map.set(request.id, copy(request));
    return copy(request);
  }
  async listDue(now: string) {
    return [...this.map.values()]
      .filter((r) => r.status === 'open' && r.publishAt !== null && Date.parse(r.publishAt) <= Date.parse(now))
      .sort((a, b) => a.publishAt!.localeCompare(b.publishAt!))
      .map(copy);
  }
}

export class MemoryEnvironments implements EnvironmentStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().environments;
  }
  async list() {
    return [...this.map.values()].sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt)).map(copy);
  }
  async getById(id: string) {
    const environment = this.map.get(id);
    return environment ? copy(environment) : null;
  }
  async getByKey(key: string) {
    const environment = [...this.map.values()].find((e) => e.key === key);
    return environment ? copy(environment) : null;
  }
  async insert(environment: Environment) {
    if ([...this.map.values()].some((e) => e.key === environment.key)) throw new UniqueViolation('key');
    this.map.set(environment.id, copy(environment));
  }
  async update(environment: Environment, expectedVersion: number) {
    const current = this.map.get(environment.id);
    if (!current || current.version !== expectedVersion) return null;
    const next = { ...copy(environment), key: current.key, position: current.position, version: expectedVersion + 1 };
    this.map.set(environment.id, next);
    return copy(next);
  }
  async reorder(ids: string[]) {
    ids.forEach((id, position) => {
      const environment = this.map.get(id);
      if (environment) this.map.set(id, { ...environment, position });
    });
  }
}

export class MemorySdkKeys implements SdkKeyStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().sdkKeys;
  }
  async insert(key: SdkKeyRecord) {
    if ([...this.map.values()].some((k) => k.keyHash === key.keyHash)) throw new UniqueViolation('keyHash');
    this.map.set(key.id, copy(key));
  }
  async list() {
    return [...this.map.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(copy);
  }
  async getByHash(keyHash: string) {
    const key = [...this.map.values()].find((k) => k.keyHash === keyHash);
    return key ? copy(key) : null;
  }
  async revoke(id: string, at: string) {
    const key = this.map.get(id);
    if (!key) return null;
    const next = { ...key, revokedAt: key.revokedAt ?? at };
    this.map.set(id, next);
    return copy(next);
  }
  async touch(id: string, at: string) {
    const key = this.map.get(id);
    if (key) this.map.set(id, { ...key, lastUsedAt: at });
  }
}

export class MemoryRequestedKeys implements RequestedKeyStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().requestedKeys;
  }
  async record(sightings: RequestedKeyRecord[]) {
    for (const sighting of sightings) {
      const known = this.map.get(sighting.key);
      this.map.set(
        sighting.key,
        known
          ? {
              key: sighting.key,
              count: known.count + sighting.count,
              firstSeenAt: known.firstSeenAt < sighting.firstSeenAt ? known.firstSeenAt : sighting.firstSeenAt,
              lastSeenAt: known.lastSeenAt > sighting.lastSeenAt ? known.lastSeenAt : sighting.lastSeenAt,
            }
          : copy(sighting),
      );
    }
  }
  async list() {
    return [...this.map.values()].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt)).map(copy);
  }
  async delete(keys: string[]) {
    keys.forEach((key) => this.map.delete(key));
  }
}

export class MemoryConfigVersion implements ConfigVersionStore {
  constructor(private readonly state: State) {}
  async get() {
    return this.state().configVersion;
  }
  async getFor(environmentId: string) {
    return this.state().environmentConfigVersions.get(environmentId) ?? 0;
  }
  async bump(environmentId?: string) {
    const version = ++this.state().configVersion;
    const marked = environmentId ? [environmentId] : [...this.state().environments.keys()];
    for (const id of marked) this.state().environmentConfigVersions.set(id, version);
    return version;
  }
}
