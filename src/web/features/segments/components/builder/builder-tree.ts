import type { AttributeKind, BuilderGroup, BuilderOperator, BuilderRule } from '../../../../../shared/targeting';
import { operatorsByKind } from '../../../../../shared/targeting';
import type { BehaviourRule } from '../../../../../shared/behaviour/behaviour-rule';

export type BuilderNode = BuilderRule | BuilderGroup | BehaviourRule;

export function emptyGroup(combinator: 'and' | 'or' = 'and'): BuilderGroup {
  return { type: 'group', combinator, children: [] };
}

export function newRule(attribute = '', kind: AttributeKind = 'text'): BuilderRule {
  return { type: 'rule', attribute, kind, operator: operatorsByKind[kind][0] };
}

/** Replaces the child at `index` of a group. */
export function replaceChild(group: BuilderGroup, index: number, child: BuilderNode): BuilderGroup {
  return { ...group, children: group.children.map((current, i) => (i === index ? child : current)) };
}

export function removeChild(group: BuilderGroup, index: number): BuilderGroup {
  return { ...group, children: group.children.filter((_, i) => i !== index) };
}

export function appendChild(group: BuilderGroup, child: BuilderNode): BuilderGroup {
  return { ...group, children: [...group.children, child] };
}

/** The shape of value an operator takes; a change of shape clears the value. */
export type ValueShape = 'none' | 'text' | 'number' | 'range' | 'list' | 'date' | 'days' | 'version';

export function valueShape(kind: AttributeKind, operator: BuilderOperator): ValueShape {
  switch (operator) {
    case 'isSet':
    case 'isNotSet':
    case 'isTrue':
    case 'isFalse':
      return 'none';
    case 'between':
      return 'range';
    case 'isOneOf':
    case 'containsAny':
    case 'containsAll':
      return 'list';
    case 'before':
    case 'after':
      return 'date';
    case 'withinLastDays':
      return 'days';
    default:
      if (kind === 'number') return 'number';
      if (kind === 'version') return 'version';
      return 'text';
  }
}

/** Changes a rule's kind, keeping the operator when the new kind has it. */
export function withKind(rule: BuilderRule, kind: AttributeKind): BuilderRule {
  const allowed: readonly string[] = operatorsByKind[kind];
  const operator = (allowed.includes(rule.operator) ? rule.operator : operatorsByKind[kind][0]) as BuilderOperator;
  return withOperator({ ...rule, kind }, operator, rule.kind);
}

export function withOperator(rule: BuilderRule, operator: BuilderOperator, previousKind: AttributeKind = rule.kind): BuilderRule {
  const same = valueShape(previousKind, rule.operator) === valueShape(rule.kind, operator);
  const next: BuilderRule = { type: 'rule', attribute: rule.attribute, kind: rule.kind, operator };
  if (same && rule.value !== undefined) next.value = rule.value;
  return next;
}

export const kindLabels: Record<AttributeKind, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'True/false',
  version: 'Version',
  date: 'Date',
  list: 'List',
};

export const operatorLabels: Record<BuilderOperator, string> = {
  is: 'is',
  isNot: 'is not',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  matches: 'matches pattern',
  isOneOf: 'is one of',
  eq: '=',
  neq: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  between: 'between',
  isTrue: 'is true',
  isFalse: 'is false',
  before: 'before',
  after: 'after',
  withinLastDays: 'within the last N days',
  containsAny: 'contains any of',
  containsAll: 'contains all of',
  isSet: 'is set',
  isNotSet: 'is not set',
};
