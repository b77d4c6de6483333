import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { defaultValueFor, parameterTypeLabels } from '../../../../shared/values';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { ElementEditor } from './element-editor';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt, messagesUnder } from './field-messages';
import { ItemActions } from './item-actions';
import { asArray, moveItem } from './object-value';
import { useStableKeys } from './use-stable-keys';

/** A list of one type: an editor per item, with Move up / Move down / Remove, and Add item. */
export function ArrayEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'array'>>) {
  const items = asArray(value);
  const keys = useStableKeys(items.length);
  const canAdd = spec.maxItems === undefined || items.length < spec.maxItems;
  const canRemove = spec.minItems === undefined || items.length > spec.minItems;
  const bounds = [
    spec.minItems !== undefined ? `at least ${spec.minItems}` : undefined,
    spec.maxItems !== undefined ? `at most ${spec.maxItems}` : undefined,
  ].filter(Boolean);
  const summary = `${items.length} ${items.length === 1 ? 'item' : 'items'} of ${parameterTypeLabels[spec.items.type]}${bounds.length > 0 ? ` (${bounds.join(', ')})` : ''}`;

  return (
    <EditorFieldset legend={label} description={fieldDescription([description, summary], messagesAt(warnings))} error={errorAt(errors)} disabled={disabled}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No items yet.
        </Text>
      ) : null}
      <Stack gap="sm">
        {items.map((item, index) => (
          <Group key={keys.keys[index]} align="flex-start" wrap="nowrap" gap="xs">
            <Box style={{ flex: 1, minWidth: 0 }}>
              <ElementEditor
                spec={spec.items}
                value={item}
                onChange={(next) => onChange(items.map((other, i) => (i === index ? next : other)))}
                errors={messagesUnder(errors, index)}
                warnings={messagesUnder(warnings, index)}
                label={`Item ${index + 1}`}
                disabled={disabled}
              />
            </Box>
            <Box pt={24}>
              <ItemActions
                index={index}
                count={items.length}
                onMove={(from, to) => {
                  keys.move(from, to);
                  onChange(moveItem(items, from, to));
                }}
                onRemove={(at) => {
                  keys.remove(at);
                  onChange(items.filter((_, i) => i !== at));
                }}
                canRemove={canRemove}
                disabled={disabled}
              />
            </Box>
          </Group>
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={disabled || !canAdd}
          onClick={() => {
            keys.append();
            onChange([...items, defaultValueFor(spec.items)]);
          }}
        >
          Add item
        </Button>
      </Group>
    </EditorFieldset>
  );
}
