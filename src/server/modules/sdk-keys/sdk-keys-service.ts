import type { z } from 'zod';
import type { CreatedSdkKey, createSdkKeyBodySchema, SdkKey, SdkKeyKind } from '../../../shared/contract/sdk-keys';
import { randomId, randomToken, sha256Hex } from '../../lib/crypto';
import { notFound } from '../../lib/errors';
import type { Services } from '../../services';
import type { SdkKeyRecord } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { writableEnvironment } from '../environments/environments-service';

/** Prefixes tell at a glance (and to secret scanners) which kind a key is. */
export const SDK_KEY_PREFIX: Record<SdkKeyKind, string> = { client: 'sbc_', server: 'sbs_' };

function toView(record: SdkKeyRecord): SdkKey {
  const { keyHash: _hidden, ...view } = record;
  return view;
}

export async function listSdkKeys(services: Services): Promise<SdkKey[]> {
  return (await services.store.sdkKeys.list()).map(toView);
}

/** A key for one environment (Production when none is named): the key alone selects what apps read. */
export async function createSdkKey(services: Services, body: z.input<typeof createSdkKeyBodySchema>, actor: Actor): Promise<CreatedSdkKey> {
  const environment = await writableEnvironment(services.store, body.environmentId, 'environmentId');
  const secret = SDK_KEY_PREFIX[body.kind] + randomToken(24);
  const record: SdkKeyRecord = {
    id: randomId(),
    name: body.name,
    kind: body.kind,
    environmentId: environment.id,
    // Server keys always send events; the flag only widens client keys.
    allowEvents: body.kind === 'server' ? true : (body.allowEvents ?? false),
    keyHash: await sha256Hex(secret),
    prefix: secret.slice(0, 10),
    createdBy: actor.id,
    createdAt: services.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await services.store.transaction(async (store) => {
    await store.sdkKeys.insert(record);
    await recordAudit(store, services.clock.now(), { actor, action: 'sdkKey.created', objectType: 'sdkKey', objectId: record.id, objectLabel: record.name, before: null, after: toView(record) });
  });
  return { key: toView(record), secret };
}

export async function revokeSdkKey(services: Services, id: string, actor: Actor): Promise<SdkKey> {
  const revoked = await services.store.transaction(async (store) => {
    const before = (await store.sdkKeys.list()).find((k) => k.id === id);
    const after = await store.sdkKeys.revoke(id, services.clock.now().toISOString());
    if (!before || !after) throw notFound('No such SDK key');
    await recordAudit(store, services.clock.now(), { actor, action: 'sdkKey.revoked', objectType: 'sdkKey', objectId: id, objectLabel: after.name, before: toView(before), after: toView(after) });
    return after;
  });
  services.sdkKeyRevoked(revoked.keyHash);
  return toView(revoked);
}
