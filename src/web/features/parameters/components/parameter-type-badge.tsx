import { Badge } from '@mantine/core';
import { parameterTypeLabels, type TypeSpec } from '../../../../shared/values';

const colors: Record<TypeSpec['type'], string> = {
  string: 'blue',
  integer: 'cyan',
  number: 'cyan',
  float: 'cyan',
  boolean: 'teal',
  json: 'grape',
  array: 'indigo',
  map: 'indigo',
  color: 'pink',
  image: 'orange',
  video: 'orange',
  textStyle: 'violet',
  recommendations: 'lime',
};

/** The type of a parameter, e.g. "List of Text". */
export function typeLabel(spec: TypeSpec): string {
  if (spec.type === 'array') return `List of ${parameterTypeLabels[spec.items.type]}`;
  if (spec.type === 'map') return `Map of ${parameterTypeLabels[spec.values.type]}`;
  return parameterTypeLabels[spec.type];
}

export function ParameterTypeBadge({ spec }: { spec: TypeSpec }) {
  return (
    <Badge variant="dot" color={colors[spec.type]} tt="none" radius="sm">
      {typeLabel(spec)}
    </Badge>
  );
}
