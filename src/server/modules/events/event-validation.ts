import { z } from 'zod';
import type { FieldError } from '../../../shared/contract/common';
import { sdkEventSchema, type SdkEvent } from '../../../shared/contract/events';
import { fieldErrorsFromZod } from '../../http/problem';

// The schema in the contract is the single definition of a valid event. Running it on each of
// 500 items per batch was a measurable share of ingestion time, so a plain-code check accepts the
// common, clean shape first. It only ever accepts what the schema accepts (never more: anything
// unusual, such as an id with spaces to trim, falls through), and every rejected item goes
// through the schema, so the field errors an app sees are exactly the schema's.

const FIELDS = new Set(['id', 'type', 'targetingKey', 'event', 'value', 'timestamp', 'properties']);
/** The same pattern the schema's z.iso.datetime({ offset: true }) builds. */
const TIMESTAMP = z.regexes.datetime({ offset: true });

/** A non-empty string of at most `max` characters with nothing for `.trim()` to take away. */
function isTrimmedText(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) return false;
  return value.trim().length === value.length;
}

function isProperties(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.length <= 500) continue;
    return false;
  }
  return true;
}

/** True only for items the schema accepts unchanged (its output equals the input). */
export function isCleanEvent(item: unknown): item is SdkEvent {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const e = item as Record<string, unknown>;
  for (const key of Object.keys(e)) if (!FIELDS.has(key)) return false;
  return (
    isTrimmedText(e.id, 100) &&
    (e.type === 'track' || e.type === 'exposure') &&
    typeof e.targetingKey === 'string' && e.targetingKey.length > 0 && e.targetingKey.length <= 200 &&
    isTrimmedText(e.event, 100) &&
    (e.value === undefined || (typeof e.value === 'number' && Number.isFinite(e.value))) &&
    typeof e.timestamp === 'string' && TIMESTAMP.test(e.timestamp) &&
    (e.properties === undefined || isProperties(e.properties))
  );
}

/** The event as the schema reads it, or its field errors under `events.<index>`. */
export function readEvent(item: unknown, index: number): { event: SdkEvent; errors?: undefined } | { event?: undefined; errors: FieldError[] } {
  if (isCleanEvent(item)) return { event: item };
  const parsed = sdkEventSchema.safeParse(item);
  return parsed.success ? { event: parsed.data } : { errors: fieldErrorsFromZod(parsed.error, `events.${index}`) };
}
