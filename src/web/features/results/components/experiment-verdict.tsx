import { Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-error';
import { resultsQueryOptions } from '../api/get-results';
import { VerdictLine } from './verdict-line';

/** One experiment's current verdict in a line (Overview); no charts, so no chart library. */
export function ExperimentVerdict({ experimentId }: { experimentId: string }) {
  const results = useQuery(resultsQueryOptions(experimentId));
  if (results.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          Computing results…
        </Text>
      </Group>
    );
  }
  if (results.isError) {
    return (
      <Text size="sm" c="red">
        Results unavailable: {errorMessage(results.error)}
      </Text>
    );
  }
  return <VerdictLine headline={results.data.headline} size="sm" />;
}
