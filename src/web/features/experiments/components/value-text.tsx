import { ColorSwatch, Group, Text } from '@mantine/core';
import { humanizeKey, isPlainObject } from '../../../../shared/values';

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A value in words, for one line: text as is, On/Off, fields as "Trial days: 7" (never JSON). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty text)' : value;
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : value.map(describeValue).join(', ');
  if (isPlainObject(value)) {
    const fields = Object.entries(value).map(([key, item]) => `${humanizeKey(key)}: ${isPlainObject(item) || Array.isArray(item) ? `(${describeValue(item)})` : describeValue(item)}`);
    return fields.length === 0 ? '(no fields)' : fields.join('; ');
  }
  return String(value);
}

/** A parameter value in one line, with a swatch for colours. */
export function ValueText({ value }: { value: unknown }) {
  const text = describeValue(value);
  const short = text.length > 160 ? `${text.slice(0, 157)}…` : text;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      {typeof value === 'string' && HEX_COLOUR.test(value) && <ColorSwatch color={value} size={16} aria-hidden />}
      <Text component="span" size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} title={text.length > 160 ? text : undefined}>
        {short}
      </Text>
    </Group>
  );
}
