/**
 * Straightforward interpreter of the condition language. It walks the document on every
 * call; use compileCondition (compile.ts) on hot paths. Kept deliberately close to the
 * SDK's control flow so the two implementations can be checked against each other.
 */
import type { RE2JS } from 're2js';
import type { Attributes, Condition, SavedGroups } from './types';
import { paddedVersionString } from './version';
import {
  MalformedConditionError,
  buildRegex,
  concatString,
  isEmptyList,
  isIn,
  isInInsensitive,
  isOperatorObject,
  lessOrEqual,
  lessThan,
  lookupGroup,
  matchesBoolean,
  regexTest,
  resolvePath,
  savedGroupValues,
  someListItem,
  timesOne,
  typeName,
} from './semantics';

type Visited = ReadonlySet<string>;
const NONE: Visited = new Set();

/**
 * Whether the attributes satisfy the condition. Never throws: documents the SDK would
 * throw on (e.g. `{"$not": null}`) evaluate to false.
 */
export function evalCondition(
  attributes: Attributes,
  condition: Condition,
  savedGroups?: SavedGroups,
): boolean {
  try {
    return evalDoc(attributes, condition, savedGroups || {}, NONE);
  } catch {
    return false;
  }
}

function evalDoc(obj: unknown, condition: unknown, groups: SavedGroups, visited: Visited): boolean {
  if (condition == null) throw new MalformedConditionError('condition is null');
  for (const [key, value] of Object.entries(condition)) {
    switch (key) {
      case '$or':
        if (!evalOr(obj, value, groups, visited)) return false;
        break;
      case '$nor':
        if (evalOr(obj, value, groups, visited)) return false;
        break;
      case '$and':
        if (someListItem(value, (c) => !evalDoc(obj, c, groups, visited))) return false;
        break;
      case '$not':
        if (evalDoc(obj, value, groups, visited)) return false;
        break;
      case '$savedGroup':
        if (!evalSavedGroup(obj, value, groups, visited)) return false;
        break;
      default:
        if (!evalValue(value, resolvePath(obj, key.split('.')), groups, false, visited)) {
          return false;
        }
    }
  }
  return true;
}

function evalOr(obj: unknown, list: unknown, groups: SavedGroups, visited: Visited): boolean {
  if (isEmptyList(list)) return true;
  return someListItem(list, (c) => evalDoc(obj, c, groups, visited));
}

function evalSavedGroup(
  obj: unknown,
  reference: unknown,
  groups: SavedGroups,
  visited: Visited,
): boolean {
  if (!reference || typeof reference !== 'object' || Array.isArray(reference)) return false;
  const { id, attributeKey } = reference as { id?: unknown; attributeKey?: unknown };
  if (typeof id !== 'string' || visited.has(id)) return false;
  // An invalid override must not fall back to the entry's attribute: that would
  // silently target a different population.
  if (attributeKey !== undefined && typeof attributeKey !== 'string') return false;

  const entry = groups[id];
  if (!entry || Array.isArray(entry) || typeof entry !== 'object') return false;
  const { type, values, condition } = entry as {
    type?: unknown;
    values?: unknown;
    condition?: unknown;
    attributeKey?: unknown;
  };
  if (type === 'list') {
    const key = attributeKey ?? (entry as { attributeKey?: unknown }).attributeKey;
    if (typeof key !== 'string' || !Array.isArray(values)) return false;
    return isIn(resolvePath(obj, key.split('.')), values);
  }
  if (type === 'condition') {
    if (!condition || typeof condition !== 'object') return false;
    return evalDoc(obj, condition, groups, new Set(visited).add(id));
  }
  return false;
}

function evalValue(
  condition: unknown,
  value: unknown,
  groups: SavedGroups,
  insensitive: boolean,
  visited: Visited,
): boolean {
  if (typeof condition === 'string') {
    if (insensitive) return String(value).toLowerCase() === condition.toLowerCase();
    return concatString(value) === condition;
  }
  if (typeof condition === 'number') return timesOne(value) === condition;
  if (typeof condition === 'boolean') return matchesBoolean(value, condition);
  if (condition === null) return value === null;
  if (Array.isArray(condition) || !isOperatorObject(condition)) {
    return JSON.stringify(value) === JSON.stringify(condition);
  }
  for (const [op, expected] of Object.entries(condition as object)) {
    if (!evalOperator(op, value, expected, groups, visited)) return false;
  }
  return true;
}

function evalOperator(
  op: string,
  actual: unknown,
  expected: unknown,
  groups: SavedGroups,
  visited: Visited,
): boolean {
  switch (op) {
    case '$veq':
      return paddedVersionString(actual) === paddedVersionString(expected);
    case '$vne':
      return paddedVersionString(actual) !== paddedVersionString(expected);
    case '$vgt':
      return paddedVersionString(actual) > paddedVersionString(expected);
    case '$vgte':
      return paddedVersionString(actual) >= paddedVersionString(expected);
    case '$vlt':
      return paddedVersionString(actual) < paddedVersionString(expected);
    case '$vlte':
      return paddedVersionString(actual) <= paddedVersionString(expected);
    case '$eq':
      return actual === expected;
    case '$ne':
      return actual !== expected;
    case '$lt':
      return lessThan(actual, expected);
    case '$lte':
      return lessOrEqual(actual, expected);
    case '$gt':
      return lessThan(expected, actual);
    case '$gte':
      return lessOrEqual(expected, actual);
    case '$exists':
      return expected ? actual != null : actual == null;
    case '$in':
      return Array.isArray(expected) && isIn(actual, expected);
    case '$ini':
      return Array.isArray(expected) && isInInsensitive(actual, expected);
    case '$nin':
      return Array.isArray(expected) && !isIn(actual, expected);
    case '$nini':
      return Array.isArray(expected) && !isInInsensitive(actual, expected);
    case '$inGroup': {
      const values = savedGroupValues(lookupGroup(groups, expected));
      return values !== null && isIn(actual, values);
    }
    case '$notInGroup': {
      const values = savedGroupValues(lookupGroup(groups, expected));
      return values !== null && !isIn(actual, values);
    }
    case '$not':
      return !evalValue(expected, actual, groups, false, visited);
    case '$size':
      if (!Array.isArray(actual)) return false;
      return evalValue(expected, actual.length, groups, false, visited);
    case '$elemMatch':
      return elemMatch(actual, expected, groups, visited);
    case '$all':
    case '$alli':
      return Array.isArray(expected) && isInAll(actual, expected, groups, op === '$alli', visited);
    case '$regex':
    case '$regexi': {
      const re = cachedRegex(expected, op === '$regexi');
      return re !== null && regexTest(re, actual);
    }
    case '$type':
      return typeName(actual) === expected;
    default:
      return false;
  }
}

function elemMatch(actual: unknown, expected: unknown, groups: SavedGroups, visited: Visited) {
  if (!Array.isArray(actual)) return false;
  const asValue = isOperatorObject(expected);
  for (let i = 0; i < actual.length; i++) {
    const el: unknown = actual[i];
    // Only nullish elements are skipped; 0, "" and false are real members (1.8.0).
    if (el == null) continue;
    const ok = asValue
      ? evalValue(expected, el, groups, false, visited)
      : evalDoc(el, expected, groups, visited);
    if (ok) return true;
  }
  return false;
}

function isInAll(
  actual: unknown,
  expected: readonly unknown[],
  groups: SavedGroups,
  insensitive: boolean,
  visited: Visited,
): boolean {
  if (!Array.isArray(actual)) return false;
  for (let i = 0; i < expected.length; i++) {
    let passed = false;
    for (let j = 0; j < actual.length && !passed; j++) {
      passed = evalValue(expected[i], actual[j], groups, insensitive, visited);
    }
    if (!passed) return false;
  }
  return true;
}

// Patterns come from a bounded set of configuration documents, but cap anyway so a
// long-running server evaluating ad-hoc conditions cannot grow this without limit.
const REGEX_CACHE_LIMIT = 1000;
const regexCache = [new Map<string, RE2JS | null>(), new Map<string, RE2JS | null>()];

function cachedRegex(pattern: unknown, insensitive: boolean): RE2JS | null {
  if (typeof pattern !== 'string') return null;
  const cache = regexCache[insensitive ? 1 : 0];
  let re = cache.get(pattern);
  if (re === undefined) {
    if (cache.size >= REGEX_CACHE_LIMIT) cache.clear();
    re = buildRegex(pattern, insensitive);
    cache.set(pattern, re);
  }
  return re;
}
