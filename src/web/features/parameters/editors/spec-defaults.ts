import { elementSpecSchema, parameterTypes, type ElementSpec, type ParameterType, type TypeSpec } from '../../../../shared/values';

/** The types an array item or a map value can have (no containers inside containers). */
export const elementTypes = parameterTypes.filter((type): type is ElementSpec['type'] => type !== 'array' && type !== 'map');

/** A sensible starting spec when someone picks a type: no constraints; lists and maps hold text. */
export function defaultSpecFor(type: ParameterType): TypeSpec {
  switch (type) {
    case 'array':
      return { type: 'array', items: { type: 'string' } };
    case 'map':
      return { type: 'map', values: { type: 'string' } };
    default:
      return defaultElementSpecFor(type);
  }
}

export function defaultElementSpecFor(type: ElementSpec['type']): ElementSpec {
  return elementSpecSchema.parse({ type });
}
