import { List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { PreviewBehaviour } from '../../../../shared/contract/preview';

/** One behavioural rule of the segments in use, as the preview reports it for the user. */
export type BehaviourCheck = PreviewBehaviour;

export interface BehaviourChecksProps {
  checks: readonly BehaviourCheck[];
  targetingKey: string;
}

/** What the user did, for every behaviour condition of the segments in use: observed, and whether it holds. */
export function BehaviourChecks({ checks, targetingKey }: BehaviourChecksProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="preview-behaviour-heading">
      <Title order={2} size="h3" id="preview-behaviour-heading">
        Behaviour
      </Title>
      <Text size="sm" c="dimmed">
        Worked out from the events the server has received for {targetingKey}; each condition is used by the segments named under it.
      </Text>
      <List spacing="xs" size="sm" listStyleType="none" aria-label={`Behaviour of ${targetingKey}`} styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
        {checks.map((check) => (
          <List.Item
            key={check.ruleId}
            icon={
              <ThemeIcon size={18} radius="xl" color={check.holds ? 'teal.8' : 'gray.6'} variant={check.holds ? 'filled' : 'light'} aria-hidden>
                {check.holds ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <Text size="sm">
              <Text span fw={500}>
                {check.description}
              </Text>{' '}
              — observed: {check.observed} —{' '}
              <Text span fw={600} c={check.holds ? 'teal.9' : undefined}>
                {check.holds ? 'yes' : 'no'}
              </Text>
            </Text>
            {check.segmentNames.length > 0 && (
              <Text size="xs" c="dimmed">
                {check.segmentNames.length === 1 ? 'Segment' : 'Segments'}: {check.segmentNames.join(', ')}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
