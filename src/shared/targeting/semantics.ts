/**
 * Primitive semantics shared by the interpreter (conditions.ts) and the compiler
 * (compile.ts). Both must reproduce @growthbook/growthbook 1.8.0 bit for bit, including
 * its JavaScript coercions, so those coercions live here once.
 */
import type { RE2JS } from 're2js';
import { compileLinearRegex, linearTest } from './linear-regex';
import type { SavedGroups } from './types';

/**
 * Thrown where the SDK itself would throw (e.g. `$not: null`). It is caught at the top
 * level and the whole condition evaluates to false, because an SDK that throws never
 * serves the rule either; a local `false` could be flipped to true by an enclosing $not.
 */
export class MalformedConditionError extends Error {
  constructor(what: string) {
    super(`malformed condition: ${what}`);
    this.name = 'MalformedConditionError';
  }
}

export type ValueType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'array'
  | 'object'
  | 'null'
  | 'undefined'
  | 'unknown';

export function typeName(v: unknown): ValueType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object' || t === 'undefined') {
    return t;
  }
  return 'unknown';
}

/** JS `value + ""`: the SDK's string coercion (default ToPrimitive hint, throws like it). */
export function concatString(v: unknown): string {
  return (v as string) + '';
}

/** JS `value * 1`: the SDK's numeric coercion ("" and null -> 0, [5] -> 5, "x" -> NaN). */
export function timesOne(v: unknown): number {
  return (v as number) * 1;
}

/**
 * Native relational comparison: two strings compare by UTF-16 code units, anything else
 * numerically after ToPrimitive. The casts only let TypeScript emit the plain operator.
 */
export function lessThan(a: unknown, b: unknown): boolean {
  return (a as number) < (b as number);
}
export function lessOrEqual(a: unknown, b: unknown): boolean {
  return (a as number) <= (b as number);
}

/** An object whose keys all start with "$" (at least one) is an operator object. */
export function isOperatorObject(v: unknown): boolean {
  if (v == null) throw new MalformedConditionError('missing condition value');
  const keys = Object.keys(v);
  if (keys.length === 0) return false;
  for (const k of keys) if (k[0] !== '$') return false;
  return true;
}

/**
 * Resolves pre-split dot-path parts. Uses `in`, so inherited properties ("length",
 * "toString") resolve like in the SDK; a missing step yields null, never undefined.
 */
export function resolvePath(obj: unknown, parts: readonly string[]): unknown {
  let current = obj;
  for (let i = 0; i < parts.length; i++) {
    if (typeof current === 'object' && current !== null && parts[i] in current) {
      current = (current as Record<string, unknown>)[parts[i]];
    } else {
      return null;
    }
  }
  return current;
}

function caseFold(v: unknown): unknown {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

/** The SDK's `$in`: an array attribute intersects, anything else must be included. */
export function isIn(actual: unknown, expected: readonly unknown[]): boolean {
  // includes() is SameValueZero, as in the SDK (NaN finds NaN).
  if (Array.isArray(actual)) return actual.some((el) => expected.includes(el));
  return expected.includes(actual);
}

/** The SDK's `$ini`: like isIn after lower-casing strings, with strict equality. */
export function isInInsensitive(actual: unknown, expected: readonly unknown[]): boolean {
  if (Array.isArray(actual)) {
    return actual.some((el) => expected.some((exp) => caseFold(el) === caseFold(exp)));
  }
  return expected.some((exp) => caseFold(actual) === caseFold(exp));
}

/** Folded operand set for `$ini`; NaN is dropped because `===` never matches it. */
export function foldedSet(expected: readonly unknown[]): Set<unknown> {
  const out = new Set<unknown>();
  for (const e of expected) {
    const f = caseFold(e);
    if (f === f) out.add(f);
  }
  return out;
}

export function inFoldedSet(actual: unknown, set: ReadonlySet<unknown>): boolean {
  if (Array.isArray(actual)) return actual.some((el) => set.has(caseFold(el)));
  return set.has(caseFold(actual));
}

export function inSet(actual: unknown, set: ReadonlySet<unknown>): boolean {
  // Set.has is SameValueZero, the same as Array.prototype.includes.
  if (Array.isArray(actual)) return actual.some((el) => set.has(el));
  return set.has(actual);
}

/**
 * Values of a saved group for $inGroup/$notInGroup. An unknown id is an empty list
 * (historic behaviour); a malformed or condition entry is null, which fails both
 * operators, so a broken group never lets everyone through $notInGroup.
 */
export function savedGroupValues(entry: unknown): readonly unknown[] | null {
  if (entry === undefined) return [];
  if (Array.isArray(entry)) return entry;
  if (typeof entry === 'object' && entry !== null && (entry as { type?: unknown }).type === 'list') {
    const values = (entry as { values?: unknown }).values;
    return Array.isArray(values) ? values : null;
  }
  return null;
}

/**
 * Saved-group lookup with JS property semantics, as the SDK indexes a plain object:
 * inherited names such as "toString" resolve (to malformed entries that match nobody).
 */
export function lookupGroup(savedGroups: SavedGroups, id: unknown): unknown {
  return savedGroups[String(id)];
}

/**
 * Builds the matcher for the RegExp the SDK would use, or null when it would return
 * false: a non-string operand, an invalid pattern, or a pattern that collides with an
 * Object.prototype property name (the SDK caches regexes in a plain object, so
 * `{"$regex": "toString"}` finds Object.prototype.toString and never matches). It runs
 * on the linear-time engine (linear-regex.ts), so a pattern that needs backtracking
 * (backreferences, lookaround) is null too: validation refuses those on save.
 */
export function buildRegex(pattern: unknown, insensitive: boolean): RE2JS | null {
  if (typeof pattern !== 'string') return null;
  if (!insensitive && pattern in Object.prototype) return null;
  // The SDK's escaping of unescaped "/" changes nothing that matches, so it is skipped.
  if (!isJsPattern(pattern, insensitive)) return null;
  const compiled = compileLinearRegex(pattern, insensitive);
  return compiled.ok ? compiled.regex : null;
}

/** Whether `new RegExp` accepts the pattern (compiling is linear; only matching is not). */
export function isJsPattern(pattern: string, insensitive: boolean): boolean {
  try {
    new RegExp(pattern, insensitive ? 'i' : undefined);
    return true;
  } catch {
    return false;
  }
}

/** RegExp.test with the SDK's guard: a value that cannot become a string fails. */
export function regexTest(re: RE2JS, value: unknown): boolean {
  let subject: string;
  try {
    subject = String(value);
  } catch {
    return false;
  }
  return linearTest(re, subject);
}

/** `value !== null && !!value === expected`: undefined is allowed, null is not. */
export function matchesBoolean(value: unknown, expected: boolean): boolean {
  return value !== null && !!value === expected;
}

/**
 * Walks a `$or`/`$and`/`$nor` operand the way the SDK's index loop does, so non-array
 * operands behave identically (a string iterates its characters, 5 and {} are empty,
 * null throws). Calls `visit` until it returns true; returns whether it did.
 */
export function someListItem(list: unknown, visit: (item: unknown) => boolean): boolean {
  if (list == null) throw new MalformedConditionError('$or/$and/$nor operand is null');
  const items = list as { length?: unknown; [i: number]: unknown };
  for (let i = 0; lessThan(i, items.length); i++) {
    if (visit(items[i])) return true;
  }
  return false;
}

/** `!list.length` as the SDK's $or tests it (an empty $or passes). */
export function isEmptyList(list: unknown): boolean {
  if (list == null) throw new MalformedConditionError('$or/$nor operand is null');
  return !(list as { length?: unknown }).length;
}
