import { isPlainObject } from './validate';

export interface ValueChange {
  /** Dot path of the changed field ('' for the whole value). */
  path: string;
  /** Absent when the field did not exist (JSON drops undefined). */
  before?: unknown;
  after?: unknown;
}

/** The fields that differ between two JSON documents, deepest first where both sides are objects. */
export function diffJson(before: unknown, after: unknown, path = ''): ValueChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffJson(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => diffJson(item, after[index], path ? `${path}.${index}` : String(index)));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}
