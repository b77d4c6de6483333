import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Rollout } from '../../../../shared/contract/rollouts';

export interface RolloutChangesProps {
  rollout: Rollout;
  /** Draws a parameter's value as the app shows it (the page composes the parameters' preview). */
  renderValue: (parameterKey: string, value: unknown) => ReactNode;
  audienceLabel: string;
}

/** What the rollout changes: each parameter before → after, and for whom. */
export function RolloutChanges({ rollout, renderValue, audienceLabel }: RolloutChangesProps) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rollout-changes">
      <Title order={2} size="h4" id="rollout-changes">
        What changes
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        For {audienceLabel}. Users not yet rolled in keep the old value and are the comparison group.
      </Text>
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {rollout.changes.map((change) => (
          <Paper key={change.parameterKey} withBorder p="sm" component="li" aria-label={change.parameterName}>
            <Anchor component={Link} to={`/parameters/${encodeURIComponent(change.parameterKey)}`} fw={600} size="sm">
              {change.parameterName}
            </Anchor>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
              {(
                [
                  ['Before', change.before],
                  ['After', change.after],
                ] as const
              ).map(([label, value]) => (
                <Stack key={label} gap={4} component="section" aria-label={`${change.parameterName}: ${label}`}>
                  <Text size="sm" fw={600}>
                    {label}
                  </Text>
                  {renderValue(change.parameterKey, value)}
                </Stack>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
