import { isPlainObject } from '../../../../shared/values';

// Editors read values defensively: a value may come from raw JSON, an import or an older spec.

export function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asStringList(value: unknown): string[] {
  return asArray(value).map((item) => (typeof item === 'string' ? item : String(item)));
}

/** A copy of `value` (as an object) with `key` set, or removed when `next` is undefined. */
export function withField(value: unknown, key: string, next: unknown): Record<string, unknown> {
  const copy = { ...asRecord(value) };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** `list` with the item at `from` moved to `to`. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (to < 0 || to >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
