import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { rolloutsApi } from '../../../../shared/contract/endpoints/rollouts';
import { ROLLOUT_POLL_MS, rolloutsKeys, type RolloutFilters } from './rollouts-keys';

/** The rollouts of `environment`, newest first; polled while any of them is running. */
export function rolloutsQueryOptions(environment: string, filters: RolloutFilters = {}) {
  return queryOptions({
    queryKey: rolloutsKeys.list(environment, filters),
    queryFn: ({ client, signal }) => callEndpoint(client, rolloutsApi.list, { query: { environment, status: filters.status || undefined, parameterKey: filters.parameterKey || undefined }, signal }),
    select: (data) => data.rollouts,
    refetchInterval: (query) => (query.state.data?.rollouts.some((rollout) => rollout.status === 'running') ? ROLLOUT_POLL_MS : false),
  });
}
