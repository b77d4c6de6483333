import type { FieldError } from '../../../shared/contract/common';
import type { Parameter } from '../../../shared/contract/parameters';
import { checkJsonSchema, diffJson, validateValue, type ValueChange } from '../../../shared/values';
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
    archived: p.archivedAt !== null,
  };
}

export function changesBetween(before: Parameter | null, after: Parameter): ValueChange[] {
  return diffJson(before ? editableView(before) : {}, editableView(after));
}

/** Refuses a parameter whose default value breaks its type, or a kill switch on a non-flag. */
export function assertValidParameter(p: Pick<Parameter, 'spec' | 'defaultValue' | 'killed'>): void {
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
  if (errors.length > 0) throw badRequest('The parameter has invalid fields', errors);
}
