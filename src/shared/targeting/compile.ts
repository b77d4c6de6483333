/**
 * Compiles a condition document into a closure tree once (per configuration version),
 * so evaluation does no parsing: paths are pre-split, regexes pre-built, `$in` lists and
 * saved groups turned into Sets, version operands pre-padded. Must agree with
 * evalCondition on every input; the differential tests check both against the SDK.
 *
 * The document and saved groups must not be mutated after compiling.
 */
import type { Attributes, CompiledCondition, Condition, SavedGroups } from './types';
import { evalCondition } from './conditions';
import {
  ALWAYS,
  NEVER,
  compileOperator,
  thrower,
  type OperatorContext,
  type Pred,
} from './compile-operators';
import {
  concatString,
  inSet,
  isEmptyList,
  isOperatorObject,
  lessThan,
  matchesBoolean,
  resolvePath,
  timesOne,
} from './semantics';

interface Context extends OperatorContext {
  groupPreds: Map<string, { pred: Pred }>;
}

function makeContext(groups: SavedGroups): Context {
  const ctx: Context = {
    groups,
    groupPreds: new Map(),
    value: (condition, insensitive) => compileValue(condition, insensitive, ctx),
    doc: (condition) => compileDoc(condition, ctx),
  };
  return ctx;
}

/**
 * Pre-processes a condition into a reusable predicate equivalent to
 * `evalCondition(attributes, condition, savedGroups)`. Never throws.
 */
export function compileCondition(
  condition: Condition,
  savedGroups?: SavedGroups,
): CompiledCondition {
  let pred: Pred;
  try {
    pred = compileDoc(condition, makeContext(savedGroups || {}));
  } catch {
    // Not expected for JSON documents; the interpreter is always a correct fallback.
    return (attributes: Attributes) => evalCondition(attributes, condition, savedGroups);
  }
  return (attributes: Attributes) => {
    try {
      return pred(attributes, null);
    } catch {
      return false;
    }
  };
}

function all(preds: readonly Pred[]): Pred {
  if (preds.length === 0) return ALWAYS;
  if (preds.length === 1) return preds[0];
  if (preds.length === 2) {
    const [a, b] = preds;
    return (s, v) => a(s, v) && b(s, v);
  }
  return (s, v) => {
    for (let i = 0; i < preds.length; i++) if (!preds[i](s, v)) return false;
    return true;
  };
}

function any(preds: readonly Pred[]): Pred {
  if (preds.length === 1) return preds[0];
  return (s, v) => {
    for (let i = 0; i < preds.length; i++) if (preds[i](s, v)) return true;
    return false;
  };
}

function not(pred: Pred): Pred {
  return (s, v) => !pred(s, v);
}

function compileDoc(condition: unknown, ctx: Context): Pred {
  if (condition == null) return thrower('condition is null');
  return all(Object.entries(condition).map(([key, value]) => compileEntry(key, value, ctx)));
}

function compileEntry(key: string, value: unknown, ctx: Context): Pred {
  switch (key) {
    case '$or':
      return compileOr(value, ctx);
    case '$nor':
      return not(compileOr(value, ctx));
    case '$and':
      if (value == null) return thrower('$and operand is null');
      return all(listItems(value).map((c) => compileDoc(c, ctx)));
    case '$not':
      return not(compileDoc(value, ctx));
    case '$savedGroup':
      return compileSavedGroup(value, ctx);
    default: {
      const path = compilePath(key);
      const test = compileValue(value, false, ctx);
      return (obj, v) => test(path(obj), v);
    }
  }
}

function compileOr(list: unknown, ctx: Context): Pred {
  if (list == null) return thrower('$or/$nor operand is null');
  if (isEmptyList(list)) return ALWAYS;
  const items = listItems(list);
  if (items.length === 0) return NEVER;
  return any(items.map((c) => compileDoc(c, ctx)));
}

/**
 * The items the SDK's index loop would visit. Stops after a nullish item: evaluating it
 * throws, so nothing after it is ever reached (and a bogus huge `length` stays finite).
 */
function listItems(list: object): unknown[] {
  const items = list as { length?: unknown; [i: number]: unknown };
  const out: unknown[] = [];
  for (let i = 0; lessThan(i, items.length); i++) {
    out.push(items[i]);
    if (items[i] == null) break;
  }
  return out;
}

function compilePath(key: string): (obj: unknown) => unknown {
  const parts = key.split('.');
  if (parts.length > 1) return (obj) => resolvePath(obj, parts);
  return (obj) =>
    typeof obj === 'object' && obj !== null && key in obj
      ? (obj as Record<string, unknown>)[key]
      : null;
}

function compileSavedGroup(reference: unknown, ctx: Context): Pred {
  if (!reference || typeof reference !== 'object' || Array.isArray(reference)) return NEVER;
  const { id, attributeKey } = reference as { id?: unknown; attributeKey?: unknown };
  if (typeof id !== 'string') return NEVER;
  if (attributeKey !== undefined && typeof attributeKey !== 'string') return NEVER;

  const entry = ctx.groups[id];
  if (!entry || Array.isArray(entry) || typeof entry !== 'object') return NEVER;
  const group = entry as { type?: unknown; values?: unknown; condition?: unknown; attributeKey?: unknown };

  if (group.type === 'list') {
    // A list id can never be on the visited chain (only condition groups are pushed).
    const key = attributeKey ?? group.attributeKey;
    if (typeof key !== 'string' || !Array.isArray(group.values)) return NEVER;
    const path = compilePath(key);
    const members = new Set<unknown>(group.values);
    return (obj) => inSet(path(obj), members);
  }
  if (group.type === 'condition') {
    if (!group.condition || typeof group.condition !== 'object') return NEVER;
    const holder = groupPred(id, group.condition, ctx);
    return (obj, visited) => {
      for (let v = visited; v !== null; v = v.next) if (v.id === id) return false;
      return holder.pred(obj, { id, next: visited });
    };
  }
  return NEVER;
}

/** One compiled predicate per condition group; the holder lets groups refer to themselves. */
function groupPred(id: string, condition: object, ctx: Context): { pred: Pred } {
  let holder = ctx.groupPreds.get(id);
  if (!holder) {
    holder = { pred: NEVER };
    ctx.groupPreds.set(id, holder);
    holder.pred = compileDoc(condition, ctx);
  }
  return holder;
}

function compileValue(condition: unknown, insensitive: boolean, ctx: Context): Pred {
  if (typeof condition === 'string') {
    if (insensitive) {
      const lower = condition.toLowerCase();
      return (value) => String(value).toLowerCase() === lower;
    }
    return (value) => concatString(value) === condition;
  }
  if (typeof condition === 'number') return (value) => timesOne(value) === condition;
  if (typeof condition === 'boolean') return (value) => matchesBoolean(value, condition);
  if (condition === null) return (value) => value === null;
  if (condition === undefined) return thrower('missing condition value');
  if (Array.isArray(condition) || !isOperatorObject(condition)) {
    let literal: string | undefined;
    try {
      literal = JSON.stringify(condition);
    } catch {
      return thrower('condition value cannot be serialised');
    }
    return (value) => JSON.stringify(value) === literal;
  }
  return all(
    Object.entries(condition).map(([op, expected]) => {
      try {
        return compileOperator(op, expected, ctx);
      } catch {
        // Compiling only fails where the SDK fails when it reaches this operator.
        return thrower(`operand of ${op}`);
      }
    }),
  );
}
