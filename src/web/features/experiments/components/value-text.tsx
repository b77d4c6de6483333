import { Code, ColorSwatch, Group } from '@mantine/core';

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A parameter value in one line: JSON text, with a swatch for colours. */
export function ValueText({ value }: { value: unknown }) {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  const short = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      {typeof value === 'string' && HEX_COLOUR.test(value) && <ColorSwatch color={value} size={16} aria-hidden />}
      <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} title={text.length > 120 ? text : undefined}>
        {short}
      </Code>
    </Group>
  );
}
