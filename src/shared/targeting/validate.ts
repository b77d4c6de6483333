/**
 * Input validation for condition documents. Much stricter than evaluation (which
 * mirrors the SDK and quietly returns false): the API refuses documents that would
 * silently never match, or match something other than the author meant.
 */
import type { BuilderGroup } from './builder';
import type { ConditionProblem } from './types';
import { jsPatternToRe2 } from './js-to-re2';

const MAX_DEPTH = 64;
/**
 * `$regex`/`$regexi` clauses in one condition document (a segment's rules or a parameter's
 * condition). The first test of a newly compiled pattern builds its matching state (up to
 * tens of ms for the largest programs allowed), so their number is bounded too.
 */
export const MAX_REGEX_CLAUSES = 20;
const TOO_MANY_PATTERNS = `a condition may test at most ${MAX_REGEX_CLAUSES} patterns ($regex or $regexi); this one is beyond that`;
/** Builder operators that compile to a `$regex`. */
const PATTERN_OPERATORS = new Set(['contains', 'startsWith', 'endsWith', 'matches']);
const TYPE_NAMES = new Set(['string', 'number', 'boolean', 'array', 'object', 'null', 'undefined']);
const DOC_OPERATORS = new Set(['$or', '$and', '$nor', '$not', '$savedGroup']);

type Problems = ConditionProblem[];

function pointer(parent: string, token: string | number): string {
  return `${parent}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);
}

/** Problems with a condition document; empty when it is well formed. */
export function validateCondition(condition: unknown): ConditionProblem[] {
  const out: Problems = [];
  validateDoc(condition, '', 0, out);
  const beyondCap = regexClausePaths(condition)[MAX_REGEX_CLAUSES];
  if (beyondCap !== undefined) out.push({ path: beyondCap, message: TOO_MANY_PATTERNS });
  return out;
}

/** JSON pointers of every `$regex`/`$regexi` key, in document order (iterative: depth is checked separately). */
function regexClausePaths(condition: unknown): string[] {
  const paths: string[] = [];
  const stack: { value: unknown; path: string; pattern: boolean }[] = [{ value: condition, path: '', pattern: false }];
  while (stack.length > 0) {
    const { value, path, pattern } = stack.pop()!;
    if (pattern) paths.push(path);
    if (pattern || typeof value !== 'object' || value === null) continue;
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push({ value: child, path: pointer(path, key), pattern: key === '$regex' || key === '$regexi' });
    }
  }
  return paths;
}

/**
 * The builder rules past MAX_REGEX_CLAUSES that compile to a `$regex` (contains, starts with,
 * ends with, matches), with paths like "children.1.children.0.value"; empty within the cap.
 */
export function tooManyBuilderPatterns(group: BuilderGroup): ConditionProblem[] {
  const paths: string[] = [];
  const walk = (g: BuilderGroup, prefix: string) =>
    g.children.forEach((child, i) => {
      if (child.type === 'group') walk(child, `${prefix}children.${i}.`);
      else if (child.type === 'rule' && PATTERN_OPERATORS.has(child.operator)) paths.push(`${prefix}children.${i}.value`);
    });
  walk(group, '');
  const beyondCap = paths[MAX_REGEX_CLAUSES];
  return beyondCap === undefined ? [] : [{ path: beyondCap, message: `A segment may test at most ${MAX_REGEX_CLAUSES} text patterns (contains, starts with, ends with, matches); this one is beyond that` }];
}

function validateDoc(doc: unknown, path: string, depth: number, out: Problems): void {
  if (depth > MAX_DEPTH) {
    out.push({ path, message: `condition is nested more than ${MAX_DEPTH} levels deep` });
    return;
  }
  if (!isPlainObject(doc)) {
    out.push({ path, message: 'condition must be a JSON object' });
    return;
  }
  for (const [key, value] of Object.entries(doc)) {
    const at = pointer(path, key);
    if (key === '$or' || key === '$and' || key === '$nor') {
      if (!Array.isArray(value)) {
        out.push({ path: at, message: `${key} must be an array of conditions` });
      } else {
        value.forEach((item, i) => validateDoc(item, pointer(at, i), depth + 1, out));
      }
    } else if (key === '$not') {
      validateDoc(value, at, depth + 1, out);
    } else if (key === '$savedGroup') {
      validateSavedGroupReference(value, at, out);
    } else if (key.startsWith('$')) {
      out.push({
        path: at,
        message: `unknown top-level operator "${key}" (attribute operators go under an attribute name)`,
      });
    } else {
      if (key.split('.').includes('')) {
        out.push({ path: at, message: `attribute path "${key}" has an empty segment` });
      }
      validateValue(value, at, depth + 1, out);
    }
  }
}

function validateSavedGroupReference(ref: unknown, path: string, out: Problems): void {
  if (!isPlainObject(ref)) {
    out.push({ path, message: '$savedGroup must be an object {id, attributeKey?}' });
    return;
  }
  if (typeof ref.id !== 'string' || ref.id === '') {
    out.push({ path: pointer(path, 'id'), message: 'saved group id must be a non-empty string' });
  }
  if ('attributeKey' in ref && (typeof ref.attributeKey !== 'string' || ref.attributeKey === '')) {
    out.push({ path: pointer(path, 'attributeKey'), message: 'attributeKey must be a non-empty string' });
  }
  for (const key of Object.keys(ref)) {
    if (key !== 'id' && key !== 'attributeKey') {
      out.push({ path: pointer(path, key), message: `unknown $savedGroup property "${key}"` });
    }
  }
}

function validateValue(value: unknown, path: string, depth: number, out: Problems): void {
  if (depth > MAX_DEPTH) {
    out.push({ path, message: `condition is nested more than ${MAX_DEPTH} levels deep` });
    return;
  }
  if (isScalar(value) || Array.isArray(value)) return;
  if (!isPlainObject(value)) {
    out.push({ path, message: 'condition value must be a JSON value' });
    return;
  }
  const keys = Object.keys(value);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length) {
    out.push({
      path,
      message: `mixes operators (${operators.join(', ')}) with plain keys, so it would be compared as a literal object`,
    });
    return;
  }
  // An object without operators is compared literally, which is legitimate.
  if (operators.length === 0) return;
  for (const op of operators) validateOperator(op, value[op], pointer(path, op), depth, out);
}

function validateOperator(op: string, operand: unknown, path: string, depth: number, out: Problems) {
  const problem = (message: string) => out.push({ path, message });
  switch (op) {
    case '$eq':
    case '$ne':
      if (!isScalar(operand)) problem(`${op} compares by identity, so its operand must be a string, number, boolean or null`);
      return;
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      if (typeof operand !== 'string' && !Number.isFinite(operand)) problem(`${op} operand must be a number or string`);
      return;
    case '$veq':
    case '$vne':
    case '$vgt':
    case '$vgte':
    case '$vlt':
    case '$vlte':
      if ((typeof operand !== 'string' || operand === '') && !Number.isFinite(operand)) {
        problem(`${op} operand must be a version string`);
      }
      return;
    case '$exists':
      if (typeof operand !== 'boolean') problem('$exists operand must be true or false');
      return;
    case '$in':
    case '$nin':
    case '$ini':
    case '$nini':
      if (!Array.isArray(operand)) return void problem(`${op} operand must be an array`);
      operand.forEach((item: unknown, i) => {
        if (!isScalar(item)) {
          out.push({ path: pointer(path, i), message: `${op} items must be strings, numbers, booleans or null` });
        }
      });
      return;
    case '$all':
    case '$alli':
      if (!Array.isArray(operand)) return void problem(`${op} operand must be an array`);
      operand.forEach((item: unknown, i) => validateValue(item, pointer(path, i), depth + 1, out));
      return;
    case '$inGroup':
    case '$notInGroup':
      if (typeof operand !== 'string' || operand === '') problem(`${op} operand must be a saved group id`);
      return;
    case '$not':
    case '$size':
      validateValue(operand, path, depth + 1, out);
      return;
    case '$elemMatch':
      validateElemMatch(operand, path, depth, out);
      return;
    case '$regex':
    case '$regexi':
      validateRegex(op, operand, path, out);
      return;
    case '$type':
      if (typeof operand !== 'string' || !TYPE_NAMES.has(operand)) {
        problem(`$type must be one of ${[...TYPE_NAMES].join(', ')}`);
      }
      return;
    default:
      problem(
        DOC_OPERATORS.has(op)
          ? `${op} combines whole conditions and is not allowed on an attribute value`
          : `unknown operator "${op}"`,
      );
  }
}

function validateElemMatch(operand: unknown, path: string, depth: number, out: Problems) {
  if (!isPlainObject(operand)) {
    out.push({ path, message: '$elemMatch operand must be an object' });
    return;
  }
  const keys = Object.keys(operand);
  // Same dispatch as evaluation: all-"$" keys test elements as values, else as documents.
  if (keys.length > 0 && keys.every((k) => k.startsWith('$'))) {
    validateValue(operand, path, depth + 1, out);
  } else {
    validateDoc(operand, path, depth + 1, out);
  }
}

export type RegexProblem = { kind: 'invalid' | 'unsupported'; reason: string };

/**
 * Why a `$regex` pattern is refused, or null: not JavaScript syntax ("invalid"), or a
 * feature only a backtracking engine runs: backreferences and lookaround ("unsupported";
 * evaluation is linear-time and would never match it). Syntax only, so the dashboard does
 * not load the engine; the server also compiles each pattern (unrunnablePatterns), which
 * refuses what only RE2 knows it cannot run (e.g. a{1001}, oversized programs).
 */
export function regexPatternProblem(pattern: string, insensitive: boolean): RegexProblem | null {
  try {
    new RegExp(pattern, insensitive ? 'i' : undefined);
  } catch (e) {
    return { kind: 'invalid', reason: e instanceof Error ? e.message : String(e) };
  }
  const translated = jsPatternToRe2(pattern);
  return translated.ok ? null : { kind: 'unsupported', reason: translated.reason };
}

/** The builder's message for a "matches" pattern the linear engine cannot run. */
export function unsupportedRuleMessage(reason: string): string {
  return `Not supported: ${reason}. Patterns run in linear time, without backreferences or lookaround`;
}

/** The condition message for a pattern the linear engine cannot run (shared with unrunnablePatterns). */
export function unsupportedPatternMessage(pattern: string, reason: string): string {
  return `pattern ${JSON.stringify(pattern)} is not supported: ${reason}; conditions run on a linear-time engine (RE2), which has no backreferences or lookaround`;
}

function validateRegex(op: string, pattern: unknown, path: string, out: Problems) {
  if (typeof pattern !== 'string') {
    out.push({ path, message: `${op} operand must be a pattern string` });
    return;
  }
  const problem = regexPatternProblem(pattern, op === '$regexi');
  if (problem?.kind === 'invalid') {
    out.push({ path, message: `invalid regular expression pattern ${JSON.stringify(pattern)}: ${problem.reason}` });
  } else if (problem) {
    out.push({ path, message: unsupportedPatternMessage(pattern, problem.reason) });
  } else if (op === '$regex' && pattern in Object.prototype) {
    // The SDK caches regexes in a plain object, so this pattern finds a built-in member.
    out.push({
      path,
      message: `pattern ${JSON.stringify(pattern)} never matches in GrowthBook SDKs (it collides with a built-in property name); write it as "(?:${pattern})"`,
    });
  }
}
