import { queryOptions } from '@tanstack/react-query';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { apiRequest } from '../../../lib/api-client';
import { ROLLOUT_POLL_MS, rolloutsKeys, type RolloutFilters } from './rollouts-keys';

/** The rollouts of `environment`, newest first; polled while any of them is running. */
export function rolloutsQueryOptions(environment: string, filters: RolloutFilters = {}) {
  const params = new URLSearchParams({ environment });
  if (filters.status) params.set('status', filters.status);
  if (filters.parameterKey) params.set('parameterKey', filters.parameterKey);
  return queryOptions({
    queryKey: rolloutsKeys.list(environment, filters),
    queryFn: ({ client, signal }) => apiRequest<{ rollouts: Rollout[] }>(client, `/api/rollouts?${params.toString()}`, { signal }),
    select: (data) => data.rollouts,
    refetchInterval: (query) => (query.state.data?.rollouts.some((rollout) => rollout.status === 'running') ? ROLLOUT_POLL_MS : false),
  });
}
