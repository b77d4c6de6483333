import type { Parameter, TargetingRuleInput } from '../../../../shared/contract/parameters';
import type { TypeSpec } from '../../../../shared/values';

/** What the detail page's form edits. */
export interface EditableParameter {
  name: string;
  description: string;
  tags: string[];
  spec: TypeSpec;
  defaultValue: unknown;
  rules: TargetingRuleInput[];
}

export const editableFieldNames = ['name', 'description', 'tags', 'spec', 'defaultValue', 'rules'] as const;

export function editableOf(parameter: Parameter): EditableParameter {
  return {
    name: parameter.name,
    description: parameter.description,
    tags: parameter.tags,
    spec: parameter.spec,
    defaultValue: parameter.defaultValue,
    rules: parameter.rules,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields that differ from the saved parameter. */
export function changedFields(saved: Parameter, draft: EditableParameter): Partial<EditableParameter> {
  const base = editableOf(saved);
  const changes: Partial<Record<keyof EditableParameter, unknown>> = {};
  for (const field of editableFieldNames) {
    if (!same(base[field], draft[field])) changes[field] = draft[field];
  }
  return changes as Partial<EditableParameter>;
}
