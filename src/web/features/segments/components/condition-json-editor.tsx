import { Textarea } from '@mantine/core';
import { parseJsonText } from '../../../../shared/values';

export interface ConditionJsonEditorProps {
  text: string;
  onChange: (text: string) => void;
  /** The server's (or the schema's) verdict on the parsed condition. */
  error?: string;
}

/** Advanced mode: the condition document as JSON, with the line and column of a syntax error. */
export function ConditionJsonEditor({ text, onChange, error }: ConditionJsonEditorProps) {
  const parsed = parseJsonText(text);
  const parseError = parsed.ok ? undefined : `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}`;
  return (
    <Textarea
      label="Condition (JSON)"
      description='GrowthBook-style condition, e.g. {"country": {"$in": ["DE", "AT"]}, "age": {"$gte": 18}}'
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={parseError ?? error}
      autosize
      minRows={8}
      maxRows={24}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}
