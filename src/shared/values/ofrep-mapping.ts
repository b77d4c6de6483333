import type { TypeSpec } from './type-spec';

/** How each type reaches apps over OFREP (docs/ofrep.md). */
export type OfrepValueKind = 'boolean' | 'string' | 'number' | 'object';

export function ofrepKindOf(spec: TypeSpec): OfrepValueKind {
  switch (spec.type) {
    case 'boolean':
      return 'boolean';
    case 'string':
    case 'color':
      return 'string';
    case 'integer':
    case 'number':
    case 'float':
      return 'number';
    default:
      // json, array, map, image, video, textStyle, recommendations. Arrays stay top-level
      // arrays: both npm OFREP providers return them from getObjectValue unchanged.
      return 'object';
  }
}

/** The value as apps receive it: floats rounded to 32 bits, everything else as stored. */
export function toOfrepValue(spec: TypeSpec, value: unknown): unknown {
  if (spec.type === 'float' && typeof value === 'number') return Math.fround(value);
  return value;
}
