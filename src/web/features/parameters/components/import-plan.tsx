import { Accordion, Badge, Group, Text } from '@mantine/core';
import type { ImportResult } from '../../../../shared/contract/parameters';
import { ChangeTable } from './change-table';

const actionColors = { create: 'teal', update: 'blue', unchanged: 'gray' } as const;
const actionLabels = { create: 'Create', update: 'Update', unchanged: 'Unchanged' } as const;

/** Per key: what importing would do (or did), with the field changes. */
export function ImportPlan({ result }: { result: ImportResult }) {
  const { summary } = result;
  return (
    <>
      <Text size="sm" role="status">
        {result.applied ? 'Imported: ' : 'Importing would: '}
        {summary.create} to create, {summary.update} to update, {summary.unchanged} unchanged.
      </Text>
      <Accordion variant="separated" multiple>
        {result.items.map((item) => (
          <Accordion.Item key={item.key} value={item.key}>
            <Accordion.Control disabled={item.changes.length === 0}>
              <Group gap="sm">
                <Badge color={actionColors[item.action]} variant="dot" tt="none" w={110}>
                  {actionLabels[item.action]}
                </Badge>
                <Text ff="monospace" size="sm">
                  {item.key}
                </Text>
                {item.changes.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {item.changes.length} field{item.changes.length === 1 ? '' : 's'}
                  </Text>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <ChangeTable changes={item.changes} caption={`Changes to ${item.key}`} beforeLabel="Now" afterLabel="From the manifest" />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}
