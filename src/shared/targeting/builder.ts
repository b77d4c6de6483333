import type { Condition, JsonValue } from './types';
import { BEHAVIOUR_ATTRIBUTE, behaviourRuleId, type BehaviourRule } from '../behaviour/behaviour-rule';

// The visual segment builder's document and its compilation to a condition. Every operator but
// "is not set" also requires the attribute to be present, so "age < 18" never matches a user
// without an age (GrowthBook's $lt alone treats a missing value as 0).

export const attributeKinds = ['text', 'number', 'boolean', 'version', 'date', 'list'] as const;
export type AttributeKind = (typeof attributeKinds)[number];

export const operatorsByKind = {
  text: ['is', 'isNot', 'contains', 'startsWith', 'endsWith', 'matches', 'isOneOf', 'isSet', 'isNotSet'],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'isSet', 'isNotSet'],
  boolean: ['isTrue', 'isFalse', 'isSet', 'isNotSet'],
  version: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'isSet', 'isNotSet'],
  date: ['before', 'after', 'withinLastDays', 'isSet', 'isNotSet'],
  list: ['containsAny', 'containsAll', 'isSet', 'isNotSet'],
} as const satisfies Record<AttributeKind, readonly string[]>;

export type BuilderOperator = (typeof operatorsByKind)[AttributeKind][number];

export interface BuilderRule {
  type: 'rule';
  attribute: string;
  kind: AttributeKind;
  operator: BuilderOperator;
  /** string | number | [low, high] | string[] depending on the operator; absent for set/unset/true/false. */
  value?: JsonValue;
}

export interface BuilderGroup {
  type: 'group';
  combinator: 'and' | 'or';
  children: (BuilderRule | BuilderGroup | BehaviourRule)[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Compiles a builder document; `now` fixes "within the last N days" (recompile at least daily). */
export function compileBuilder(group: BuilderGroup, now: Date = new Date()): Condition {
  const parts = group.children.map((child) =>
    child.type === 'group' ? compileBuilder(child, now) : child.type === 'behaviour' ? compileBehaviour(child) : compileRule(child, now),
  );
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  return group.combinator === 'and' ? { $and: parts } : { $or: parts };
}

/** The server fills BEHAVIOUR_ATTRIBUTE with whether each rule holds for the user (absent: it does not). */
function compileBehaviour(rule: BehaviourRule): Condition {
  return { [`${BEHAVIOUR_ATTRIBUTE}.${behaviourRuleId(rule)}`]: true };
}

/** Every behavioural rule in a builder document, depth first. */
export function behaviourRulesOf(group: BuilderGroup): BehaviourRule[] {
  return group.children.flatMap((child) => (child.type === 'group' ? behaviourRulesOf(child) : child.type === 'behaviour' ? [child] : []));
}

function compileRule(rule: BuilderRule, now: Date): Condition {
  const present = (ops: Record<string, JsonValue>): Condition => ({ [rule.attribute]: { $exists: true, ...ops } });
  const v = rule.value ?? null;
  const version = rule.kind === 'version';
  switch (rule.operator) {
    case 'isSet':
      return { [rule.attribute]: { $exists: true } };
    case 'isNotSet':
      return { [rule.attribute]: { $exists: false } };
    case 'is':
    case 'eq':
      return present(version ? { $veq: String(v) } : { $eq: v });
    case 'isNot':
    case 'neq':
      return present(version ? { $vne: String(v) } : { $ne: v });
    case 'lt':
      return present(version ? { $vlt: String(v) } : { $lt: v });
    case 'lte':
      return present(version ? { $vlte: String(v) } : { $lte: v });
    case 'gt':
      return present(version ? { $vgt: String(v) } : { $gt: v });
    case 'gte':
      return present(version ? { $vgte: String(v) } : { $gte: v });
    case 'between': {
      const [low, high] = Array.isArray(v) ? v : [null, null];
      return present({ $gte: low ?? null, $lte: high ?? null });
    }
    case 'contains':
      return present({ $regex: escapeRegex(String(v)) });
    case 'startsWith':
      return present({ $regex: `^${escapeRegex(String(v))}` });
    case 'endsWith':
      return present({ $regex: `${escapeRegex(String(v))}$` });
    case 'matches':
      return present({ $regex: String(v) });
    case 'isOneOf':
      return present({ $in: Array.isArray(v) ? v : [v] });
    case 'isTrue':
      return present({ $eq: true });
    case 'isFalse':
      return present({ $eq: false });
    case 'before':
      return present({ $lt: isoDate(v) });
    case 'after':
      return present({ $gt: isoDate(v) });
    case 'withinLastDays':
      return present({ $gte: new Date(now.getTime() - Number(v) * DAY_MS).toISOString() });
    case 'containsAny':
      return present({ $in: Array.isArray(v) ? v : [v] });
    case 'containsAll':
      return present({ $all: Array.isArray(v) ? v : [v] });
  }
}

// Dates compare as ISO-8601 text, so apps should send ISO timestamps (UTC).
function isoDate(value: JsonValue): string {
  const parsed = new Date(String(value));
  return Number.isNaN(parsed.getTime()) ? String(value) : parsed.toISOString();
}

/** Whether a builder document uses a relative date, so its compilation changes over time. */
export function usesRelativeDates(group: BuilderGroup): boolean {
  return group.children.some((child) => (child.type === 'group' ? usesRelativeDates(child) : child.type === 'rule' && child.operator === 'withinLastDays'));
}
