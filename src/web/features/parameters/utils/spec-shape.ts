import type { TypeSpec } from '../../../../shared/values';
import { templateFor } from '../editors/templates';

/** Whether a value of one spec can stay when the spec changes to the other (same type, same element type, same template). */
export function sameShape(a: TypeSpec, b: TypeSpec): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'array' && b.type === 'array') return a.items.type === b.items.type;
  if (a.type === 'map' && b.type === 'map') return a.values.type === b.values.type;
  return templateFor(a)?.id === templateFor(b)?.id;
}
