import type { z } from 'zod';
import { createParameterBodySchema, type Parameter } from '../../../../shared/contract/parameters';
import { validateValue } from '../../../../shared/values';

/** What the detail page's form edits (the key never changes; the kill switch saves on its own). */
export const editParameterSchema = createParameterBodySchema
  .pick({ name: true, description: true, tags: true, spec: true, defaultValue: true, rules: true })
  .superRefine((body, ctx) => {
    if (validateValue(body.spec, body.defaultValue).errors.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['defaultValue'], message: 'The default value has problems: fix the fields marked in it.' });
    }
  });

export type EditableParameter = z.input<typeof editParameterSchema>;

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
  const changes: Partial<Record<(typeof editableFieldNames)[number], unknown>> = {};
  for (const field of editableFieldNames) {
    if (!same(base[field], draft[field])) changes[field] = draft[field];
  }
  return changes as Partial<EditableParameter>;
}
