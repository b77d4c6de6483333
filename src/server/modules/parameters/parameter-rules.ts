import type { FieldError } from '../../../shared/contract/common';
import type { Parameter, TargetingRule, TargetingRuleInput } from '../../../shared/contract/parameters';
import { checkJsonSchema, diffJson, validateValue, type ValueChange } from '../../../shared/values';
import { unrunnablePatterns } from '../../../shared/targeting';
import { badRequest } from '../../lib/errors';

/** The parts of a parameter a person edits: what versions snapshot and diffs compare. */
export function editableView(p: Parameter) {
  return {
    name: p.name,
    description: p.description,
    tags: p.tags,
    spec: p.spec,
    defaultValue: p.defaultValue,
    killed: p.killed,
    rules: p.rules,
    archived: p.archivedAt !== null,
  };
}

export function changesBetween(before: Parameter | null, after: Parameter): ValueChange[] {
  return diffJson(before ? editableView(before) : {}, editableView(after));
}

/** Gives every rule a stable id (kept across edits: rollout buckets hash it). */
export function withRuleIds(rules: TargetingRuleInput[] | TargetingRule[]): TargetingRule[] {
  return rules.map((rule) => ({ ...rule, id: rule.id ?? crypto.randomUUID().slice(0, 8) }));
}

/**
 * Refuses a parameter whose default or rule values break its type, a kill switch on a non-flag,
 * or a rule aimed at a segment that does not exist (`segmentIds`: the active segments).
 */
export function assertValidParameter(p: Pick<Parameter, 'spec' | 'defaultValue' | 'killed'> & { rules?: TargetingRule[] }, segmentIds?: Set<string>): void {
  const errors: FieldError[] = [];
  if (p.spec.type === 'json' && p.spec.schema !== undefined) {
    const problem = checkJsonSchema(p.spec.schema);
    if (problem) errors.push({ path: 'spec.schema', message: problem });
  }
  if (errors.length === 0) {
    for (const error of validateValue(p.spec, p.defaultValue).errors) {
      errors.push({ path: error.path ? `defaultValue.${error.path}` : 'defaultValue', message: error.message });
    }
  }
  if (p.killed && p.spec.type !== 'boolean') errors.push({ path: 'killed', message: 'Only boolean flags have a kill switch' });
  const seen = new Set<string>();
  (p.rules ?? []).forEach((rule, index) => {
    if (seen.has(rule.id)) errors.push({ path: `rules.${index}.id`, message: 'Two rules have the same id' });
    seen.add(rule.id);
    if (errors.some((e) => e.path.startsWith('spec'))) return;
    for (const error of validateValue(p.spec, rule.value).errors) {
      errors.push({ path: `rules.${index}.value${error.path ? `.${error.path}` : ''}`, message: error.message });
    }
    if (rule.audience.kind === 'condition') {
      // The contract checks pattern syntax; only the linear engine knows what it cannot run.
      for (const p of unrunnablePatterns(rule.audience.condition)) {
        errors.push({ path: `rules.${index}.audience.condition`, message: `${p.message} (at ${p.path})` });
      }
    }
    if (rule.audience.kind === 'segment' && segmentIds && !segmentIds.has(rule.audience.segmentId)) {
      errors.push({ path: `rules.${index}.audience.segmentId`, message: 'No such segment (it may have been archived)' });
    }
  });
  if (errors.length > 0) throw badRequest('The parameter has invalid fields', errors);
}
