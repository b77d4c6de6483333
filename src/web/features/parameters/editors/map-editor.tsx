import { ActionIcon, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { defaultValueFor, parameterTypeLabels } from '../../../../shared/values';
import type { EditorProps, SpecOf } from './editor-props';
import { EditorFieldset } from './editor-fieldset';
import { ElementEditor } from './element-editor';
import { fieldDescription } from './field-description';
import { errorAt, messagesAt, messagesUnder } from './field-messages';
import { useReportInvalid } from './invalid-draft';
import { asRecord, sameJson } from './object-value';

interface Row {
  id: string;
  key: string;
  value: unknown;
}

let counter = 0;
const toRows = (value: unknown): Row[] => Object.entries(asRecord(value)).map(([key, item]) => ({ id: `entry-${++counter}`, key, value: item }));
const toObject = (rows: readonly Row[]) => Object.fromEntries(rows.map((row) => [row.key, row.value]));

function keyProblem(rows: readonly Row[], index: number): string | undefined {
  const key = rows[index].key;
  if (key.trim() === '') return 'Enter a key';
  if (rows.findIndex((row) => row.key === key) !== index) return 'This key is already used above';
  return undefined;
}

/**
 * Key-value pairs of one type. Rows are kept locally so an empty or repeated key can be shown and
 * fixed in place; until every key is usable the value is not passed up (the draft is reported invalid).
 */
export function MapEditor({ spec, value, onChange, errors, warnings, label, description, disabled }: EditorProps<SpecOf<'map'>>) {
  const [rows, setRows] = useState(() => toRows(value));
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    if (!sameJson(toObject(rows), value)) setRows(toRows(value));
  }
  const problems = rows.map((_, index) => keyProblem(rows, index));
  useReportInvalid(problems.some(Boolean));

  const commit = (next: Row[]) => {
    setRows(next);
    if (next.every((_, index) => !keyProblem(next, index))) {
      const object = toObject(next);
      setSynced(object);
      onChange(object);
    }
  };
  const update = (index: number, patch: Partial<Row>) => commit(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const canAdd = spec.maxEntries === undefined || rows.length < spec.maxEntries;
  const summary = `${rows.length} ${rows.length === 1 ? 'entry' : 'entries'} of ${parameterTypeLabels[spec.values.type]}${
    spec.maxEntries !== undefined ? ` (at most ${spec.maxEntries})` : ''
  }`;

  return (
    <EditorFieldset legend={label} description={fieldDescription([description, summary], messagesAt(warnings))} error={errorAt(errors)} disabled={disabled}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No entries yet.
        </Text>
      ) : null}
      <Stack gap="sm">
        {rows.map((row, index) => {
          const n = index + 1;
          const usable = !problems[index];
          return (
            <Group key={row.id} align="flex-start" wrap="nowrap" gap="xs">
              <TextInput
                w={200}
                label={`Key ${n}`}
                value={row.key}
                onChange={(event) => update(index, { key: event.currentTarget.value })}
                error={problems[index]}
                spellCheck={false}
              />
              <Box style={{ flex: 1, minWidth: 0 }}>
                <ElementEditor
                  spec={spec.values}
                  value={row.value}
                  onChange={(next) => update(index, { value: next })}
                  errors={usable ? messagesUnder(errors, row.key) : []}
                  warnings={usable ? messagesUnder(warnings, row.key) : []}
                  label={`Value ${n}`}
                  disabled={disabled}
                />
              </Box>
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={`Remove entry ${n}`}
                title={`Remove entry ${n}`}
                disabled={disabled}
                onClick={() => commit(rows.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={disabled || !canAdd}
          onClick={() => commit([...rows, { id: `entry-${++counter}`, key: '', value: defaultValueFor(spec.values) }])}
        >
          Add entry
        </Button>
      </Group>
    </EditorFieldset>
  );
}
