import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { RolloutLogEntry } from '../../../../shared/contract/rollouts';
import { formatLocal } from '../utils/format-time';

const kindLabels: Record<RolloutLogEntry['kind'], string> = {
  started: 'Started',
  advanced: 'Advanced',
  held: 'Held',
  rolled_back: 'Rolled back',
  paused: 'Paused',
  resumed: 'Resumed',
  completed: 'Completed',
};
const kindColors: Record<RolloutLogEntry['kind'], string> = {
  started: 'gray',
  advanced: 'teal',
  held: 'yellow',
  rolled_back: 'red',
  paused: 'yellow',
  resumed: 'gray',
  completed: 'indigo',
};

/** Every decision in plain words with its numbers, newest first, and who made it (or the monitor). */
export function DecisionLog({ log, userNames }: { log: readonly RolloutLogEntry[]; userNames?: ReadonlyMap<string, string> }) {
  const entries = [...log].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rollout-log">
      <Title order={2} size="h4" id="rollout-log" mb="sm">
        Decision log
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decisions yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Decisions, newest first">
          {entries.map((entry, index) => (
            <Group key={`${entry.at}-${index}`} component="li" gap="sm" align="flex-start" wrap="nowrap">
              <Badge variant="light" color={kindColors[entry.kind]} c="var(--mantine-color-text)" w={124} style={{ flexShrink: 0 }}>
                {kindLabels[entry.kind]}
              </Badge>
              <div>
                <Text size="sm">{entry.message}</Text>
                <Text size="xs" c="dimmed">
                  {formatLocal(entry.at)} · {entry.by === null ? 'Monitor' : (userNames?.get(entry.by) ?? entry.by)}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
