import { Switch } from '@mantine/core';
import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';

/** A flag: a switch that reads On or Off. */
export function BooleanEditor({ value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'boolean'>>) {
  const checked = value === true;
  return (
    <Switch
      label={label}
      description={fieldDescription([description, checked ? 'On' : 'Off'], messagesAt(warnings))}
      onLabel="On"
      offLabel="Off"
      size="md"
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      error={errorAt(errors)}
      disabled={disabled}
    />
  );
}
