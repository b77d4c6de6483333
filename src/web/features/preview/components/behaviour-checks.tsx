import { List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { segmentsQueryOptions } from '../../segments/api/list-segments';

/** One behavioural rule of the segments in use, as the preview reports it for the user. */
export interface BehaviourCheck {
  ruleId: string;
  segmentIds: string[];
  /** "did purchase at least 3 times in the last 30 days" */
  description: string;
  /** "purchase 4 times in the last 30 days" */
  observed: string;
  holds: boolean;
}

export interface BehaviourChecksProps {
  checks: readonly BehaviourCheck[];
  targetingKey: string;
}

/** What the user did, for every behaviour condition of the segments in use: observed, and whether it holds. */
export function BehaviourChecks({ checks, targetingKey }: BehaviourChecksProps) {
  // A rule may still use an archived segment: name those too.
  const active = useQuery(segmentsQueryOptions(false));
  const archived = useQuery(segmentsQueryOptions(true));
  const nameOf = (id: string) => [...(active.data ?? []), ...(archived.data ?? [])].find((segment) => segment.id === id)?.name ?? id;
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
            {check.segmentIds.length > 0 && (
              <Text size="xs" c="dimmed">
                {check.segmentIds.length === 1 ? 'Segment' : 'Segments'}: {check.segmentIds.map(nameOf).join(', ')}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
