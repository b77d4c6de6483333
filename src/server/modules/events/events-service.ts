import type { FieldError } from '../../../shared/contract/common';
import { MAX_FUTURE_SKEW_MS, sdkEventSchema } from '../../../shared/contract/events';
import { badRequest } from '../../lib/errors';
import { fieldErrorsFromZod } from '../../http/problem';
import type { Services } from '../../services';
import type { StoredEvent } from '../../store/types';

/**
 * Validates every item of a batch, then stores the batch in one statement: whole or not at all.
 * An invalid item refuses the whole batch with a field error per item (`events.3.timestamp`), so
 * the app can fix and resend it; ids make the resend count once.
 */
export async function ingestEvents(services: Services, items: unknown[]): Promise<{ accepted: number; duplicates: number }> {
  const now = services.clock.now();
  const receivedAt = now.toISOString();
  const errors: FieldError[] = [];
  const events: StoredEvent[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const parsed = sdkEventSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(...fieldErrorsFromZod(parsed.error, `events.${index}`));
      return;
    }
    const e = parsed.data;
    const at = new Date(e.timestamp);
    if (at.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS) {
      errors.push({ path: `events.${index}.timestamp`, message: 'More than a day in the future: check the device clock' });
    }
    if (seen.has(e.id)) errors.push({ path: `events.${index}.id`, message: 'The same id appears twice in this batch' });
    seen.add(e.id);
    events.push({
      id: e.id,
      type: e.type,
      targetingKey: e.targetingKey,
      event: e.event,
      value: e.value ?? null,
      timestamp: at.toISOString(),
      properties: e.properties ?? null,
      receivedAt,
    });
  });
  if (errors.length > 0) throw badRequest(`${new Set(errors.map((e) => e.path.split('.')[1])).size} of ${items.length} events are invalid; nothing was stored`, errors);
  const accepted = await services.store.events.insertBatch(events);
  return { accepted, duplicates: events.length - accepted };
}
