import { Group, Loader, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Reach, SegmentDefinition } from '../../../../shared/contract/segments';
import { errorMessage } from '../../../lib/api-error';
import { reachQueryOptions } from '../api/get-reach';

const count = (n: number) => Math.round(n).toLocaleString('en');

/** "≈ 12,340 of 98,765 known users (12.5%)", with ± margin when sampled. */
export function formatReach(reach: Reach): string {
  const share = `${(reach.share * 100).toFixed(1)}%`;
  const base = `${reach.exact ? '' : '≈ '}${count(reach.matched)} of ${count(reach.total)} known users (${share})`;
  return reach.exact || reach.margin <= 0 ? base : `${base} ± ${count(reach.margin)}`;
}

export interface ReachFigureProps {
  /** null while the definition is incomplete or invalid. */
  definition: SegmentDefinition | null;
  /** Whose known users to count (environment key or id). */
  environment: string;
  debounceMs?: number;
  /** Shown instead of a figure while `definition` is null. */
  idleMessage?: string;
  /** One line under the figure, e.g. what behaviour conditions are counted from. */
  note?: string;
}

/** Live estimate of how many known users (seen in the last 30 days) the definition matches. */
export function ReachFigure({ definition, environment, debounceMs = 400, idleMessage = 'Complete the definition to see its reach', note }: ReachFigureProps) {
  const [debounced] = useDebouncedValue(definition, debounceMs);
  const reach = useQuery(reachQueryOptions(environment, debounced));
  const settling = debounced !== definition;
  const computing = settling || reach.isFetching;

  let text: string;
  if (definition === null) text = idleMessage;
  else if (reach.isError) text = `Reach unavailable: ${errorMessage(reach.error)}`;
  else if (reach.data) text = formatReach(reach.data);
  else text = 'Estimating reach…';

  return (
    <Paper withBorder p="sm" radius="md">
      <Group gap="sm" wrap="nowrap">
        <IconUsers size={20} aria-hidden />
        <div style={{ flex: 1 }}>
          <Text size="xs" c="dimmed">
            Reach (known users seen in the last 30 days)
          </Text>
          <Text fw={600} aria-live="polite" data-testid="reach-figure" aria-busy={computing}>
            {text}
          </Text>
          {note && (
            <Text size="xs" c="dimmed">
              {note}
            </Text>
          )}
        </div>
        {computing && definition !== null && <Loader size="sm" aria-hidden />}
      </Group>
    </Paper>
  );
}
