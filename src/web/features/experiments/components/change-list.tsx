import { Table, Text } from '@mantine/core';
import { ValueText } from './value-text';

export interface ChangeListProps {
  changes: readonly { label: string; before: unknown; after: unknown; key: string }[];
  caption: string;
  /** What each row is, e.g. "Field" or "Parameter". */
  itemLabel: string;
  beforeLabel: string;
  afterLabel: string;
}

/** What differs, one row per field or parameter: label, before, after. */
export function ChangeList({ changes, caption, itemLabel, beforeLabel, afterLabel }: ChangeListProps) {
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No differences.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{itemLabel}</Table.Th>
            <Table.Th scope="col">{beforeLabel}</Table.Th>
            <Table.Th scope="col">{afterLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.key}>
              <Table.Th scope="row" fw={500}>
                {change.label}
              </Table.Th>
              <Table.Td>
                <ValueText value={change.before} />
              </Table.Td>
              <Table.Td>
                <ValueText value={change.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
