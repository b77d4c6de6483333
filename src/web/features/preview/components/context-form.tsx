import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconEye, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { KnownUser } from '../../../../shared/contract/segments';
import { AttributeRowFields } from './attribute-row-fields';
import { contextFromRows, newRow, rowsFromAttributes, type AttributeRow } from './context-rows';
import { KnownUserPicker } from './known-user-picker';

export interface ContextFormProps {
  /** A known user to start from (?user=). */
  initialUser?: KnownUser;
  onPreview: (context: Record<string, unknown>) => void;
  previewing: boolean;
}

/** The context to preview: a known user's attributes or any typed by hand. */
export function ContextForm({ initialUser, onPreview, previewing }: ContextFormProps) {
  const [targetingKey, setTargetingKey] = useState(initialUser?.targetingKey ?? '');
  const [rows, setRows] = useState<AttributeRow[]>(() => (initialUser ? rowsFromAttributes(initialUser.attributes) : [newRow()]));
  const [errors, setErrors] = useState<{ rows: Record<number, string>; key?: string }>({ rows: {} });

  const pick = (user: KnownUser) => {
    setTargetingKey(user.targetingKey);
    setRows(rowsFromAttributes(user.attributes));
    setErrors({ rows: {} });
  };

  const submit = () => {
    const result = contextFromRows(targetingKey, rows);
    if (!result.ok) {
      setErrors({ rows: result.errors, key: result.keyError });
      return;
    }
    setErrors({ rows: {} });
    onPreview(result.context);
  };

  return (
    <form
      aria-label="Preview context"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <KnownUserPicker onPick={pick} />
        <TextInput
          label="User ID"
          description="The user or device id your app sends (its targetingKey); rollouts and experiments use it to decide who gets what"
          required
          value={targetingKey}
          onChange={(event) => setTargetingKey(event.currentTarget.value)}
          error={errors.key}
          style={{ maxWidth: 420 }}
        />
        <Stack gap="xs">
          {rows.map((row, index) => (
            <AttributeRowFields
              key={row.id}
              row={row}
              index={index}
              error={errors.rows[row.id]}
              onChange={(next) => setRows((current) => current.map((candidate) => (candidate.id === row.id ? next : candidate)))}
              onRemove={() => setRows((current) => current.filter((candidate) => candidate.id !== row.id))}
            />
          ))}
        </Stack>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((current) => [...current, newRow()])}>
            Add attribute
          </Button>
          <Button type="submit" leftSection={<IconEye size={16} aria-hidden />} loading={previewing}>
            Preview
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
