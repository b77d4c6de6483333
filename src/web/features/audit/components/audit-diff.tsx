import { Code, Table, Text } from '@mantine/core';
import { diffJson, isPlainObject } from '../../../../shared/values';

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** Before and after of one change, field by field ("definition.builder.children.0.value"). */
export function AuditDiff({ before, after, label }: { before: unknown; after: unknown; label: string }) {
  // A creation or deletion lists every field against nothing.
  const from = before ?? (isPlainObject(after) ? {} : before);
  const to = after ?? (isPlainObject(before) ? {} : after);
  const changes = diffJson(from, to);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field changed.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.path}>
              <Table.Td>
                <Code>{change.path || '(whole value)'}</Code>
              </Table.Td>
              <Table.Td style={{ background: change.before === undefined ? undefined : 'var(--mantine-color-red-light)' }}>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {show(change.before)}
                </Text>
              </Table.Td>
              <Table.Td style={{ background: change.after === undefined ? undefined : 'var(--mantine-color-teal-light)' }}>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {show(change.after)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
