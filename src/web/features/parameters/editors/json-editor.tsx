import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { parseJsonText } from '../../../../shared/values';
import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt, nestedMessages } from './field-messages';
import { useReportInvalid } from './invalid-draft';
import { sameJson } from './object-value';

export function stringifyJson(value: unknown): string {
  return value === undefined ? '' : (JSON.stringify(value, null, 2) ?? '');
}

/**
 * JSON typed as text. Each change is parsed; text that does not parse stays on screen with
 * "Line L, column C: message" and is never passed up (the draft is reported invalid instead).
 * Schema problems are listed by field path.
 */
export function JsonEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'json'>>) {
  const [text, setText] = useState(() => stringifyJson(value));
  const [synced, setSynced] = useState(value);
  // The value changed from outside (another editor, a reset): show it, unless the text already says it.
  if (value !== synced) {
    setSynced(value);
    const current = parseJsonText(text);
    if (!current.ok || !sameJson(current.value, value)) setText(stringifyJson(value));
  }
  const parsed = parseJsonText(text);
  useReportInvalid(!parsed.ok);

  const update = (next: string) => {
    setText(next);
    const result = parseJsonText(next);
    if (result.ok) {
      setSynced(result.value);
      onChange(result.value);
    }
  };

  const syntax = parsed.ok ? undefined : `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}`;
  const nested = parsed.ok ? nestedMessages(errors) : [];
  const own = parsed.ok ? errorAt(errors) : undefined;
  // Mantine renders the error inside a <p>: spans only, one line per problem.
  const lines = [...(own ? [own] : []), ...nested.map((item) => `${item.path}: ${item.message}`)];
  const error =
    syntax ??
    (lines.length > 0 ? (
      <>
        {lines.map((line) => (
          <span key={line} style={{ display: 'block' }}>
            {line}
          </span>
        ))}
      </>
    ) : undefined);

  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        description={fieldDescription(
          [description, spec.schema ? 'Must match this parameter’s JSON Schema' : undefined],
          messagesAt(warnings),
        )}
        value={text}
        onChange={(event) => update(event.currentTarget.value)}
        error={error}
        autosize
        minRows={4}
        maxRows={24}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        disabled={disabled}
      />
      <Group justify="flex-end">
        <Button variant="subtle" size="compact-xs" disabled={disabled || !parsed.ok} onClick={() => parsed.ok && setText(stringifyJson(parsed.value))}>
          Format JSON
        </Button>
      </Group>
    </Stack>
  );
}
