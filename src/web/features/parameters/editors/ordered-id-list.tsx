import { Button, Group, Input, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { errorAt, type FieldMessage } from './field-messages';
import { ItemActions } from './item-actions';
import { moveItem } from './object-value';

export interface OrderedIdListProps {
  /** Label of the text input used to add an id, e.g. "Item id". */
  inputLabel: string;
  /** Name of one entry in button names and the list label: "item" gives "Remove item 2". */
  noun: string;
  ids: readonly string[];
  onChange: (ids: string[]) => void;
  /** Messages relative to the list ('' = the list, '2' = the third id). */
  errors: readonly FieldMessage[];
  minItems?: number;
  maxItems?: number;
  placeholder?: string;
  disabled?: boolean;
}

/** An ordered list of ids: type one and press Enter (or Add), reorder with Move up / down, remove. */
export function OrderedIdList({ inputLabel, noun, ids, onChange, errors, minItems, maxItems, placeholder, disabled }: OrderedIdListProps) {
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const listId = useId();
  const full = maxItems !== undefined && ids.length >= maxItems;

  const add = () => {
    const id = draft.trim();
    if (id === '') return setDraftError(`Enter an ${noun} id`);
    if (ids.includes(id)) return setDraftError(`“${id}” is already in the list`);
    onChange([...ids, id]);
    setDraft('');
    setDraftError(undefined);
  };

  const listError = errorAt(errors);
  return (
    <Stack gap="xs">
      <TextInput
        label={inputLabel}
        description={full ? `The list is full (at most ${maxItems})` : 'Press Enter to add'}
        placeholder={placeholder}
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          setDraftError(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (!full) add();
          }
        }}
        error={draftError}
        disabled={disabled || full}
        inputContainer={(input) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1 }}>{input}</div>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={disabled || full}>
              Add {noun}
            </Button>
          </Group>
        )}
      />
      {listError ? <Input.Error id={`${listId}-error`}>{listError}</Input.Error> : null}
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {noun}s yet{minItems ? ` (needs at least ${minItems})` : ''}.
        </Text>
      ) : (
        <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={`${noun}s in order`} aria-describedby={listError ? `${listId}-error` : undefined}>
          {ids.map((id, index) => {
            const itemError = errorAt(errors, String(index));
            return (
              <Paper component="li" key={`${id}\u0000${ids.slice(0, index).filter((other) => other === id).length}`} withBorder px="sm" py={4}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <Text component="span" c="dimmed" size="sm">
                      {index + 1}.
                    </Text>{' '}
                    <Text component="span" ff="monospace" size="sm">
                      {id}
                    </Text>
                  </Text>
                  <ItemActions
                    index={index}
                    count={ids.length}
                    noun={noun}
                    onMove={(from, to) => onChange(moveItem(ids, from, to))}
                    onRemove={(at) => onChange(ids.filter((_, i) => i !== at))}
                    canRemove={minItems === undefined || ids.length > minItems}
                    disabled={disabled}
                  />
                </Group>
                {itemError ? <Input.Error>{itemError}</Input.Error> : null}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
