import { Select, TextInput } from '@mantine/core';
import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';

/** Text: a free text input (with a character count against maxLength), or a Select of the allowed values. */
export function StringEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'string'>>) {
  const error = errorAt(errors);
  if (spec.allowedValues) {
    const options = [...new Set(spec.allowedValues)];
    return (
      <Select
        label={label}
        description={fieldDescription([description], messagesAt(warnings))}
        data={options}
        value={typeof value === 'string' && options.includes(value) ? value : null}
        onChange={(next) => onChange(next ?? '')}
        allowDeselect={false}
        searchable={options.length > 8}
        error={error}
        disabled={disabled}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  const count = spec.maxLength !== undefined ? `${text.length} / ${spec.maxLength} characters` : undefined;
  const pattern = spec.pattern !== undefined ? `Must match the pattern ${spec.pattern}` : undefined;
  return (
    <TextInput
      label={label}
      description={fieldDescription([description, pattern, count], messagesAt(warnings))}
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      disabled={disabled}
    />
  );
}
