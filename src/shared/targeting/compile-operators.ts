/** Compilation of the `$`-operators that apply to a single attribute value. */
import type { SavedGroups } from './types';
import { paddedVersionString } from './version';
import {
  MalformedConditionError,
  buildRegex,
  foldedSet,
  inFoldedSet,
  inSet,
  isOperatorObject,
  lessOrEqual,
  lessThan,
  lookupGroup,
  regexTest,
  savedGroupValues,
  typeName,
} from './semantics';

/** Condition-group ids being resolved, innermost first; a linked list avoids copying sets. */
export type Visited = { readonly id: string; readonly next: Visited } | null;
/** A compiled test of a subject: an attribute value, or an attributes object for documents. */
export type Pred = (subject: unknown, visited: Visited) => boolean;

export const ALWAYS: Pred = () => true;
export const NEVER: Pred = () => false;

/** Evaluation-time failure where the SDK would throw; see MalformedConditionError. */
export function thrower(what: string): Pred {
  return () => {
    throw new MalformedConditionError(what);
  };
}

/** What operator compilation needs from the document compiler (avoids an import cycle). */
export interface OperatorContext {
  groups: SavedGroups;
  value(condition: unknown, insensitive: boolean): Pred;
  doc(condition: unknown): Pred;
}

function versionOp(expected: unknown, cmp: (a: string, b: string) => boolean): Pred {
  const padded = paddedVersionString(expected);
  return (value) => cmp(paddedVersionString(value), padded);
}

export function compileOperator(op: string, expected: unknown, ctx: OperatorContext): Pred {
  switch (op) {
    case '$veq':
      return versionOp(expected, (a, b) => a === b);
    case '$vne':
      return versionOp(expected, (a, b) => a !== b);
    case '$vgt':
      return versionOp(expected, (a, b) => a > b);
    case '$vgte':
      return versionOp(expected, (a, b) => a >= b);
    case '$vlt':
      return versionOp(expected, (a, b) => a < b);
    case '$vlte':
      return versionOp(expected, (a, b) => a <= b);
    case '$eq':
      return (value) => value === expected;
    case '$ne':
      return (value) => value !== expected;
    case '$lt':
      return (value) => lessThan(value, expected);
    case '$lte':
      return (value) => lessOrEqual(value, expected);
    case '$gt':
      return (value) => lessThan(expected, value);
    case '$gte':
      return (value) => lessOrEqual(expected, value);
    case '$exists':
      return expected ? (value) => value != null : (value) => value == null;
    case '$in':
    case '$nin': {
      // A non-array operand fails both, so $nin is not simply the negation of $in here.
      if (!Array.isArray(expected)) return NEVER;
      const set = new Set<unknown>(expected);
      return op === '$in' ? (value) => inSet(value, set) : (value) => !inSet(value, set);
    }
    case '$ini':
    case '$nini': {
      if (!Array.isArray(expected)) return NEVER;
      const set = foldedSet(expected);
      return op === '$ini'
        ? (value) => inFoldedSet(value, set)
        : (value) => !inFoldedSet(value, set);
    }
    case '$inGroup':
    case '$notInGroup': {
      const values = savedGroupValues(lookupGroup(ctx.groups, expected));
      if (values === null) return NEVER;
      const set = new Set<unknown>(values);
      return op === '$inGroup' ? (value) => inSet(value, set) : (value) => !inSet(value, set);
    }
    case '$not': {
      const inner = ctx.value(expected, false);
      return (value, visited) => !inner(value, visited);
    }
    case '$size': {
      const inner = ctx.value(expected, false);
      return (value, visited) => Array.isArray(value) && inner(value.length, visited);
    }
    case '$elemMatch':
      return compileElemMatch(expected, ctx);
    case '$all':
    case '$alli': {
      if (!Array.isArray(expected)) return NEVER;
      const items = expected.map((item: unknown) => ctx.value(item, op === '$alli'));
      return (value, visited) => Array.isArray(value) && containsAll(value, items, visited);
    }
    case '$regex':
    case '$regexi': {
      const re = buildRegex(expected, op === '$regexi');
      if (re === null) return NEVER;
      return (value) => regexTest(re, value);
    }
    case '$type':
      return (value) => typeName(value) === expected;
    default:
      return NEVER;
  }
}

function compileElemMatch(expected: unknown, ctx: OperatorContext): Pred {
  if (expected == null) {
    const fail = thrower('$elemMatch operand is null');
    return (value, visited) => Array.isArray(value) && fail(value, visited);
  }
  // An operator object tests each element as a value; anything else is a document
  // evaluated with the element as the attributes object.
  const test = isOperatorObject(expected) ? ctx.value(expected, false) : ctx.doc(expected);
  return (value, visited) => {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) {
      const el: unknown = value[i];
      // Only nullish elements are skipped; 0, "" and false are real members (1.8.0).
      if (el != null && test(el, visited)) return true;
    }
    return false;
  };
}

function containsAll(actual: readonly unknown[], items: readonly Pred[], visited: Visited) {
  for (let i = 0; i < items.length; i++) {
    let found = false;
    for (let j = 0; j < actual.length && !found; j++) found = items[i](actual[j], visited);
    if (!found) return false;
  }
  return true;
}
