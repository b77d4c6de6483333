import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ParameterValue } from './parameter-value';
import { ValueText } from './value-text';

export interface ChangeRow {
  label: string;
  before?: unknown;
  after?: unknown;
  key: string;
  /** Set when the row is a parameter's value: both sides are then drawn as the app shows them. */
  parameterKey?: string;
}

export interface ChangeListProps {
  changes: readonly ChangeRow[];
  caption: string;
  /** What each row is, e.g. "Field" or "Parameter". */
  itemLabel: string;
  beforeLabel: string;
  afterLabel: string;
}

/** One parameter's change as two pictures side by side (stacked on a phone). */
function ParameterChange({ change, beforeLabel, afterLabel }: { change: ChangeRow & { parameterKey: string }; beforeLabel: string; afterLabel: string }) {
  return (
    <Paper withBorder p="sm" component="li" aria-label={change.label}>
      <Title order={4} size="h6" mb="xs">
        {change.label}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {(
          [
            [beforeLabel, change.before],
            [afterLabel, change.after],
          ] as const
        ).map(([label, value]) => (
          <Stack key={label} gap={4} component="section" aria-label={`${change.label}: ${label}`}>
            <Text size="sm" fw={600}>
              {label}
            </Text>
            {value === undefined ? <ValueText value={value} /> : <ParameterValue parameterKey={change.parameterKey} value={value} />}
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
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
  if (changes.every((change) => change.parameterKey !== undefined)) {
    return (
      <Stack gap="xs" component="section" aria-label={caption}>
        <Text size="sm" fw={600}>
          {caption}
        </Text>
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {changes.map((change) => (
            <ParameterChange key={change.key} change={{ ...change, parameterKey: change.parameterKey ?? change.key }} beforeLabel={beforeLabel} afterLabel={afterLabel} />
          ))}
        </Stack>
      </Stack>
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
