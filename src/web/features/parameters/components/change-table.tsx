import { Code, ColorSwatch, Group, Table, Text } from '@mantine/core';
import type { ValueChange } from '../../../../shared/values';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import { changeLabel } from '../utils/change-labels';

const HEX_COLOUR = /^#(?:[0-9a-f]{6}|[0-9a-f]{8})$/i;

export interface ChangeTableProps {
  changes: readonly ValueChange[];
  caption: string;
  beforeLabel?: string;
  afterLabel?: string;
}

/** One side of a change, readable: text as is, colours with a swatch, On/Off, fields by name. */
export function ChangeValue({ value }: { value: unknown }) {
  if (value === undefined) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        (none)
      </Text>
    );
  }
  if (typeof value === 'string' && HEX_COLOUR.test(value)) {
    return (
      <Group gap={6} wrap="nowrap">
        <ColorSwatch color={value} size={16} aria-hidden />
        <Text size="sm">{value.toUpperCase()}</Text>
      </Group>
    );
  }
  if (typeof value === 'string') return <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{value === '' ? '(empty text)' : `“${value}”`}</Text>;
  if (typeof value === 'boolean') return <Text size="sm">{value ? 'On' : 'Off'}</Text>;
  if (typeof value === 'number' || value === null) return <Code>{String(value)}</Code>;
  // Objects and lists: labelled fields ("Trial days: 7"), never one line of JSON.
  return <ValuePreview spec={{ type: 'json' }} value={value} framed={false} />;
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
              <Table.Th scope="row" fw={500} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {changeLabel(change.path)}
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
