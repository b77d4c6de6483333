import { Code, Table, Text } from '@mantine/core';
import type { ValueChange } from '../../../../shared/values';

export interface ChangeTableProps {
  changes: readonly ValueChange[];
  caption: string;
  beforeLabel?: string;
  afterLabel?: string;
}

/** One side of a change, readable: text as is, absent as a dash, anything else as JSON. */
export function ChangeValue({ value }: { value: unknown }) {
  if (value === undefined) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        (none)
      </Text>
    );
  }
  if (typeof value === 'string') return <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{value === '' ? '(empty text)' : `“${value}”`}</Text>;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return <Code>{String(value)}</Code>;
  return (
    <Code block style={{ maxHeight: 200, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** A diff as a table of path / before / after. */
export function ChangeTable({ changes, caption, beforeLabel = 'Before', afterLabel = 'After' }: ChangeTableProps) {
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field changes.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder verticalSpacing="xs" layout="fixed">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="25%">
              Field
            </Table.Th>
            <Table.Th scope="col">{beforeLabel}</Table.Th>
            <Table.Th scope="col">{afterLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.path}>
              <Table.Th scope="row" ff="monospace" fw="normal" fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {change.path || '(value)'}
              </Table.Th>
              <Table.Td>
                <ChangeValue value={change.before} />
              </Table.Td>
              <Table.Td>
                <ChangeValue value={change.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
