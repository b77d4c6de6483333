import { Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { exposureCountsQueryOptions } from '../../api/get-exposures';

/** "Exposed users: Control 1,204 · Variant B 1,187", from the server's first-exposure records. */
export function ExposureCounts({ experiment }: { experiment: Experiment }) {
  const counts = useQuery(exposureCountsQueryOptions(experiment.id));
  if (counts.isPending) return <Skeleton height={18} width={280} radius="sm" aria-label="Loading exposure counts" />;
  if (counts.isError) return <Text size="sm" c="dimmed">Exposure counts are unavailable right now.</Text>;
  const byVariant = new Map(counts.data.map((row) => [row.variant, row.users]));
  const total = counts.data.reduce((sum, row) => sum + row.users, 0);
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        Exposed users: {total.toLocaleString('en')}
      </Text>
      <Text size="sm" c="dimmed">
        {experiment.variants.map((variant) => `${variant.name} ${(byVariant.get(variant.key) ?? 0).toLocaleString('en')}`).join(' · ')}
      </Text>
    </Group>
  );
}
