import { ActionIcon, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { AttributeRow, AttributeType } from './context-rows';

export interface AttributeRowFieldsProps {
  row: AttributeRow;
  index: number;
  error?: string;
  onChange: (row: AttributeRow) => void;
  onRemove: () => void;
}

const typeOptions: { value: AttributeType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'True/false' },
  { value: 'json', label: 'JSON' },
];

/** One attribute of the context: name, type and value. */
export function AttributeRowFields({ row, index, error, onChange, onRemove }: AttributeRowFieldsProps) {
  const n = index + 1;
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap" role="group" aria-label={`Attribute ${n}`}>
      <TextInput
        label="Attribute"
        aria-label={`Attribute ${n} name`}
        value={row.name}
        onChange={(event) => onChange({ ...row, name: event.currentTarget.value })}
        style={{ flex: 1 }}
      />
      <NativeSelect
        label="Type"
        aria-label={`Attribute ${n} type`}
        data={typeOptions}
        value={row.type}
        onChange={(event) => {
          const type = event.currentTarget.value as AttributeType;
          onChange({ ...row, type, value: type === 'boolean' ? (row.value === 'true' ? 'true' : 'false') : row.value });
        }}
        style={{ flex: '0 0 130px' }}
      />
      {row.type === 'boolean' ? (
        <NativeSelect
          label="Value"
          aria-label={`Attribute ${n} value`}
          data={['true', 'false']}
          value={row.value}
          onChange={(event) => onChange({ ...row, value: event.currentTarget.value })}
          style={{ flex: 1 }}
        />
      ) : (
        <TextInput
          label="Value"
          aria-label={`Attribute ${n} value`}
          value={row.value}
          inputMode={row.type === 'number' ? 'decimal' : undefined}
          onChange={(event) => onChange({ ...row, value: event.currentTarget.value })}
          error={error}
          style={{ flex: 1 }}
        />
      )}
      <ActionIcon variant="subtle" color="red" size="lg" mt={24} onClick={onRemove} aria-label={`Remove attribute ${n}`}>
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
