import type { z } from 'zod';
import type { AuditObjectType, AuditPage, listAuditQuerySchema } from '../../../shared/contract/audit';
import { timeOrderedId } from '../../lib/crypto';
import { badRequest } from '../../lib/errors';
import type { Principal } from '../../http/env';
import type { Services } from '../../services';
import type { Store } from '../../store/types';

export interface Actor {
  id: string | null;
  name: string;
}

export const systemActor: Actor = { id: null, name: 'Switchboard' };

/** Who to name in the audit log and version history for a caller. */
export async function actorOf(store: Store, principal: Principal | null): Promise<Actor> {
  if (!principal) return systemActor;
  if (principal.kind === 'user') {
    const user = await store.users.getById(principal.userId);
    return { id: principal.userId, name: user ? `${user.name} <${user.email}>` : principal.userId };
  }
  const tokens = await store.apiTokens.list();
  const token = tokens.find((t) => t.id === principal.tokenId);
  return { id: principal.tokenId, name: `API token "${token?.name ?? principal.tokenId}"` };
}

export interface AuditRecord {
  actor: Actor;
  action: string;
  objectType: AuditObjectType;
  objectId: string;
  objectLabel: string;
  before: unknown;
  after: unknown;
}

/** Writes one audit entry; call inside the same transaction as the change it records. */
export async function recordAudit(store: Store, at: Date, record: AuditRecord): Promise<void> {
  await store.audit.insert({
    id: timeOrderedId(),
    at: at.toISOString(),
    actorId: record.actor.id,
    actorName: record.actor.name,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    objectLabel: record.objectLabel,
    before: record.before ?? null,
    after: record.after ?? null,
  });
}

const encodeCursor = (at: string, id: string) => btoa(JSON.stringify([at, id]));

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(atob(cursor)) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through to the error below
  }
  throw badRequest('The cursor is not valid', [{ path: 'query.cursor', message: 'Use the nextCursor of the previous page' }]);
}

export async function listAudit(services: Services, query: z.output<typeof listAuditQuerySchema>): Promise<AuditPage> {
  const items = await services.store.audit.list({
    objectType: query.objectType,
    objectId: query.objectId,
    actorId: query.actorId,
    from: query.from ? new Date(query.from).toISOString() : undefined,
    to: query.to ? new Date(query.to).toISOString() : undefined,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: items.length > query.limit && last ? encodeCursor(last.at, last.id) : null };
}
