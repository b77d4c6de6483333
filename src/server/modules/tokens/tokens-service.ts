import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../../shared/contract/tokens';
import { randomId, randomToken, sha256Hex } from '../../lib/crypto';
import { notFound } from '../../lib/errors';
import type { Principal } from '../../http/env';
import type { Services } from '../../services';
import type { ApiTokenRecord } from '../../store/types';
import { actorOf, recordAudit } from '../audit/audit-service';

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
export const API_TOKEN_PREFIX = 'sbt_';

function toView(record: ApiTokenRecord): ApiToken {
  const { tokenHash: _hidden, ...view } = record;
  void _hidden;
  return view;
}

export async function listTokens(services: Services): Promise<ApiToken[]> {
  return (await services.store.apiTokens.list()).map(toView);
}

export async function createToken(services: Services, body: CreateApiTokenBody, by: Principal): Promise<CreatedApiToken> {
  const secret = API_TOKEN_PREFIX + randomToken(32);
  const record: ApiTokenRecord = {
    id: randomId(),
    name: body.name,
    role: body.role,
    tokenHash: await sha256Hex(secret),
    prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
    createdBy: by.kind === 'user' ? by.userId : by.createdBy,
    createdAt: services.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  const actor = await actorOf(services.store, by);
  await services.store.transaction(async (store) => {
    await store.apiTokens.insert(record);
    await recordAudit(store, services.clock.now(), { actor, action: 'apiToken.created', objectType: 'apiToken', objectId: record.id, objectLabel: record.name, before: null, after: toView(record) });
  });
  return { token: toView(record), secret };
}

export async function revokeToken(services: Services, id: string, by: Principal): Promise<ApiToken> {
  const actor = await actorOf(services.store, by);
  return services.store.transaction(async (store) => {
    const before = await store.apiTokens.getById(id);
    const revoked = await store.apiTokens.revoke(id, services.clock.now().toISOString());
    if (!before || !revoked) throw notFound('No such API token');
    await recordAudit(store, services.clock.now(), { actor, action: 'apiToken.revoked', objectType: 'apiToken', objectId: id, objectLabel: revoked.name, before: toView(before), after: toView(revoked) });
    return toView(revoked);
  });
}
