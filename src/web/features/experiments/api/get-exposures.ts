import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { experimentsKeys } from './experiments-keys';

/** Users exposed so far, per variant (first exposures recorded by server-side evaluation). */
export function exposureCountsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...experimentsKeys.all, 'exposures', id] as const,
    queryFn: ({ client, signal }) =>
      apiRequest<{ items: { variant: string; users: number }[] }>(client, `/api/experiments/${encodeURIComponent(id)}/exposures`, { signal }),
    select: (data) => data.items,
    // Exposures keep arriving while it runs.
    refetchInterval: 30_000,
  });
}
