import { isPlainObject, type TypeSpec } from '../../../shared/values';

// Parameters made from a marketer template are json parameters whose JSON Schema carries this
// marker; previews use it to draw the screen the template describes instead of its JSON.

export const TEMPLATE_MARKER = 'x-switchboard-template';

export const templateKinds = ['onboarding', 'offer', 'layout', 'navigation', 'adSlot'] as const;
export type TemplateKind = (typeof templateKinds)[number];

/** The template a spec was made from, if any. */
export function templateKindOf(spec: TypeSpec): TemplateKind | undefined {
  if (spec.type !== 'json' || !isPlainObject(spec.schema)) return undefined;
  const marker = spec.schema[TEMPLATE_MARKER];
  return templateKinds.find((kind) => kind === marker);
}
