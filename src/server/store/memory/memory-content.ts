import type { AuditEntry } from '../../../shared/contract/audit';
import type { Parameter } from '../../../shared/contract/parameters';
import { UniqueViolation } from '../../lib/errors';
import type {
  AuditQuery,
  AuditStore,
  ConfigVersionStore,
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

export class MemoryParameters implements ParameterStore {
  constructor(private readonly state: State) {}
  private get map() {
    return this.state().parameters;
  }
  async list(query: ParameterQuery) {
    const search = query.search?.toLowerCase();
    const matches = [...this.map.values()].filter(
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
  async listActive() {
    return [...this.map.values()].filter((p) => p.archivedAt === null).sort((a, b) => (a.key < b.key ? -1 : 1)).map(copy);
  }
  async getById(id: string) {
    const parameter = this.map.get(id);
    return parameter ? copy(parameter) : null;
  }
  async getByIds(ids: string[]) {
    return ids.flatMap((id) => (this.map.has(id) ? [copy(this.map.get(id)!)] : []));
  }
  async getByKey(key: string) {
    const parameter = [...this.map.values()].find((p) => p.key === key);
    return parameter ? copy(parameter) : null;
  }
  async insert(parameter: Parameter) {
    if ([...this.map.values()].some((p) => p.key === parameter.key)) throw new UniqueViolation('key');
    this.map.set(parameter.id, copy(parameter));
  }
  async update(parameter: Parameter, expectedVersion: number) {
    const current = this.map.get(parameter.id);
    if (!current || current.version !== expectedVersion) return null;
    const next = { ...copy(parameter), key: current.key, version: expectedVersion + 1 };
    this.map.set(parameter.id, next);
    return copy(next);
  }
  async insertVersion(version: ParameterVersionRecord) {
    this.state().parameterVersions.push(copy(version));
  }
  async listVersions(parameterId: string) {
    return this.state()
      .parameterVersions.filter((v) => v.parameterId === parameterId)
      .sort((a, b) => b.version - a.version)
      .map(({ parameterId: _id, ...version }) => copy(version));
  }
  async getVersion(parameterId: string, version: number) {
    const found = this.state().parameterVersions.find((v) => v.parameterId === parameterId && v.version === version);
    if (!found) return null;
    const { parameterId: _id, ...rest } = found;
    return copy(rest);
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
  async bump() {
    return ++this.state().configVersion;
  }
}
