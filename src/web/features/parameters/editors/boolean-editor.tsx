import { Group, Switch, Text } from '@mantine/core';
import type { EditorProps, SpecOf } from './editor-props';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt } from './field-messages';

/**
 * A flag: a switch with its state written beside it. The word is hidden from screen readers, which
 * announce the switch's own on/off state (and Mantine puts any text inside the switch's label).
 */
export function BooleanEditor({ value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'boolean'>>) {
  const checked = value === true;
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Switch
        label={label}
        description={fieldDescription([description], messagesAt(warnings))}
        size="md"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        error={errorAt(errors)}
        disabled={disabled}
      />
      <Text size="sm" fw={600} aria-hidden data-testid="switch-state">
        {checked ? 'On' : 'Off'}
      </Text>
    </Group>
  );
}
