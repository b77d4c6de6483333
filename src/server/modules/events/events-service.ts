import type { FieldError } from '../../../shared/contract/common';
import { MAX_FUTURE_SKEW_MS, type SdkEvent } from '../../../shared/contract/events';
import { PRODUCTION_ENVIRONMENT_ID } from '../../../shared/contract/environments';
import { badRequest } from '../../lib/errors';
import type { Services } from '../../services';
import type { ExposureRecord, StoredEvent } from '../../store/types';
import { readEvent } from './event-validation';
import { experimentKeysOf } from './experiment-keys';

/**
 * Validates every item of a batch, then stores the batch, and the exposures its exposure events
 * report, in one commit: whole or not at all. An invalid item refuses the whole batch with a
 * field error per item (`events.3.timestamp`), so the app can fix and resend it; ids make the
 * resend count once.
 */
export async function ingestEvents(services: Services, items: unknown[], environmentId: string = PRODUCTION_ENVIRONMENT_ID): Promise<{ accepted: number; duplicates: number }> {
  const now = services.clock.now().getTime();
  const receivedAt = new Date(now).toISOString();
  const errors: FieldError[] = [];
  const events: StoredEvent[] = [];
  const exposureItems: { index: number; event: SdkEvent; at: string }[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < items.length; index++) {
    const read = readEvent(items[index], index);
    if (read.errors) {
      errors.push(...read.errors);
      continue;
    }
    const e = read.event;
    const at = Date.parse(e.timestamp);
    if (at - now > MAX_FUTURE_SKEW_MS) errors.push({ path: `events.${index}.timestamp`, message: 'More than a day in the future: check the device clock' });
    if (seen.has(e.id)) errors.push({ path: `events.${index}.id`, message: 'The same id appears twice in this batch' });
    seen.add(e.id);
    const timestamp = isCanonical(e.timestamp) ? e.timestamp : new Date(at).toISOString();
    if (e.type === 'exposure' && e.properties && ('experiment' in e.properties || 'variant' in e.properties)) exposureItems.push({ index, event: e, at: timestamp });
    events.push({ id: e.id, environmentId, type: e.type, targetingKey: e.targetingKey, event: e.event, value: e.value ?? null, timestamp, properties: e.properties ?? null, receivedAt });
  }
  const exposures = await exposuresOf(services, exposureItems, errors, environmentId);
  if (errors.length > 0) throw badRequest(`${new Set(errors.map((e) => e.path.split('.')[1])).size} of ${items.length} events are invalid; nothing was stored`, errors);
  const accepted = await services.store.events.insertBatch(events, exposures);
  return { accepted, duplicates: events.length - accepted };
}

/**
 * Already in the form toISOString() gives (`2026-01-01T12:00:00.000Z`, what most apps send)? The
 * item passed the schema's ISO pattern, so the length, the `.` and the `Z` settle it; converting
 * every timestamp anyway cost a fifth of the server's time per event.
 */
function isCanonical(timestamp: string): boolean {
  return timestamp.length === 24 && timestamp.charCodeAt(19) === 46 /* . */ && timestamp.charCodeAt(23) === 90 /* Z */;
}

/**
 * Exposure events that name an experiment and a variant (`properties.experiment`,
 * `properties.variant`) also record the exposure results count, as server-side evaluation does:
 * the earliest time per user and experiment wins; test users and experiments not started yet do
 * not count. Unknown keys are field errors.
 */
async function exposuresOf(services: Services, items: { index: number; event: SdkEvent; at: string }[], errors: FieldError[], environmentId: string): Promise<ExposureRecord[]> {
  const keys = experimentKeysOf(services);
  // Each experiment and variant is looked up once per batch, however many events name it.
  const lookups = new Map<string, ReturnType<typeof keys.resolve>>();
  const resolve = (experiment: string, variant: string) => {
    const id = `${experiment}\u0000${variant}`;
    let lookup = lookups.get(id);
    if (!lookup) lookups.set(id, (lookup = keys.resolve(experiment, variant)));
    return lookup;
  };
  const earliest = new Map<string, ExposureRecord>();
  for (const { index, event, at } of items) {
    const { experiment, variant } = event.properties!;
    const path = `events.${index}.properties`;
    if (typeof experiment !== 'string' || experiment === '') {
      errors.push({ path: `${path}.experiment`, message: 'Give the key of the experiment the user was exposed to' });
      continue;
    }
    if (typeof variant !== 'string' || variant === '') {
      errors.push({ path: `${path}.variant`, message: 'Give the key of the variant the user saw' });
      continue;
    }
    const found = await resolve(experiment, variant);
    if ('problem' in found) {
      errors.push(
        found.problem === 'experiment'
          ? { path: `${path}.experiment`, message: `No experiment has the key "${experiment}"` }
          : { path: `${path}.variant`, message: `Experiment "${experiment}" has no variant "${variant}" (its variants: ${found.ref!.variants.join(', ')})` },
      );
      continue;
    }
    // Stored as an event either way; as an exposure only where server-side evaluation would count
    // one: never for test users, nor from a key of another environment than the experiment's.
    if (!found.ref.started || found.ref.testUsers.has(event.targetingKey) || found.ref.environmentId !== environmentId) continue;
    const id = `${found.ref.id}\u0000${event.targetingKey}`;
    const known = earliest.get(id);
    if (!known || at < known.firstSeenAt) earliest.set(id, { experimentId: found.ref.id, targetingKey: event.targetingKey, variant, firstSeenAt: at });
  }
  return [...earliest.values()];
}
