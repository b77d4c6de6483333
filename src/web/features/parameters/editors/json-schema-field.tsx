import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { checkJsonSchema, isPlainObject, parseJsonText } from '../../../../shared/values';
import { useReportInvalid } from './invalid-draft';
import { sameJson } from './object-value';

export interface JsonSchemaFieldProps {
  schema: Record<string, unknown> | undefined;
  onChange: (schema: Record<string, unknown> | undefined) => void;
  error?: string;
  disabled?: boolean;
}

const show = (schema: Record<string, unknown> | undefined) => (schema ? JSON.stringify(schema, null, 2) : '');

/** Whether `text` is empty (no schema) or a usable JSON Schema object; else what is wrong with it. */
function readSchema(text: string): { ok: true; schema: Record<string, unknown> | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, schema: undefined };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, message: `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}` };
  const problem = checkJsonSchema(parsed.value);
  if (problem || !isPlainObject(parsed.value)) return { ok: false, message: problem ?? 'A JSON Schema must be an object' };
  return { ok: true, schema: parsed.value };
}

/** An optional JSON Schema (draft 2020-12) typed as text; only a usable schema is passed up. */
export function JsonSchemaField({ schema, onChange, error, disabled }: JsonSchemaFieldProps) {
  const [text, setText] = useState(() => show(schema));
  const [synced, setSynced] = useState(schema);
  if (schema !== synced) {
    setSynced(schema);
    const current = readSchema(text);
    if (!current.ok || !sameJson(current.schema, schema)) setText(show(schema));
  }
  const result = readSchema(text);
  useReportInvalid(!result.ok);
  return (
    <Textarea
      label="JSON Schema"
      description="Optional (draft 2020-12). Values must match it. Leave empty to allow any JSON."
      placeholder={'{\n  "type": "object",\n  "properties": {}\n}'}
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const read = readSchema(next);
        if (read.ok) {
          setSynced(read.schema);
          onChange(read.schema);
        }
      }}
      error={result.ok ? error : result.message}
      autosize
      minRows={4}
      maxRows={20}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      disabled={disabled}
    />
  );
}
