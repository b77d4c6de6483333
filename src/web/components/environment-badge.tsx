import { ColorSwatch, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { environmentsQueryOptions } from '../lib/environments';

/** An environment's colour and name, looked up by id or key (the id itself until the list arrives). */
export function EnvironmentBadge({ environmentId }: { environmentId: string }) {
  const environments = useQuery(environmentsQueryOptions());
  const environment = environments.data?.find((item) => item.id === environmentId || item.key === environmentId);
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch color={environment?.color ?? 'var(--mantine-color-gray-5)'} size={12} withShadow={false} aria-hidden />
      <Text size="sm" span>
        {environment?.name ?? environmentId}
        {environment?.archivedAt ? ' (archived)' : ''}
      </Text>
    </Group>
  );
}
