import type { Segment } from '../../../../shared/contract/segments';
import type { BuilderGroup, BuilderRule } from '../../../../shared/targeting';
import { describeBehaviourRule } from '../../../../shared/behaviour/behaviour-rule';
import { operatorLabels, valueShape } from './builder/builder-tree';

function describeValue(rule: BuilderRule): string {
  const value = rule.value;
  switch (valueShape(rule.kind, rule.operator)) {
    case 'none':
      return '';
    case 'range':
      return Array.isArray(value) ? ` ${String(value[0])}–${String(value[1])}` : '';
    case 'list':
      return Array.isArray(value) ? ` ${value.map(String).join(', ')}` : '';
    case 'days':
      return ` ${String(value)} days`.replace(' N days', '');
    default:
      return ` ${typeof value === 'string' ? `“${value}”` : String(value)}`;
  }
}

function describeRule(rule: BuilderRule): string {
  const label = rule.operator === 'withinLastDays' ? `within the last ${String(rule.value)} days` : `${operatorLabels[rule.operator]}${describeValue(rule)}`;
  return `${rule.attribute} ${label}`;
}

/** "country is “DE” and (age ≥ 18 or appVersion ≥ “5.0.0”)". */
export function describeBuilder(group: BuilderGroup, nested = false): string {
  if (group.children.length === 0) return 'everyone';
  const parts = group.children.map((child) =>
    child.type === 'group' ? describeBuilder(child, true) : child.type === 'behaviour' ? describeBehaviourRule(child) : describeRule(child),
  );
  const joined = parts.join(group.combinator === 'and' ? ' and ' : ' or ');
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

/** A one-line summary of who is in a segment, for lists. */
export function describeSegment(segment: Segment, names: ReadonlyMap<string, string>): string {
  const definition = segment.definition;
  const name = (id: string) => names.get(id) ?? 'an archived segment';
  switch (definition.kind) {
    case 'rules':
      return describeBuilder(definition.builder);
    case 'condition':
      return JSON.stringify(segment.compiled);
    case 'ids':
      return `${definition.idCount.toLocaleString()} listed ${definition.attribute} values`;
    case 'combination': {
      const included = definition.include.map(name).join(definition.combinator === 'and' ? ' and ' : ' or ');
      const excluded = definition.exclude.length > 0 ? `, not in ${definition.exclude.map(name).join(' or ')}` : '';
      return `In ${included}${excluded}`;
    }
  }
}
