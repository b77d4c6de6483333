import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Rollout } from '../../../../shared/contract/rollouts';
import { callEndpoint } from '../../../lib/call-endpoint';
import { rolloutsApi } from '../../../../shared/contract/endpoints/rollouts';
import { ROLLOUT_POLL_MS, rolloutsKeys } from './rollouts-keys';

/** One rollout; polled while it runs, so the monitor's checks and steps appear without a reload. */
export function rolloutQueryOptions(id: string) {
  return queryOptions({
    queryKey: rolloutsKeys.detail(id),
    queryFn: ({ client, signal }) => callEndpoint(client, rolloutsApi.get, { params: { id }, signal }),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? ROLLOUT_POLL_MS : false),
  });
}

/** A rollout the server just answered with: shown at once, and the lists (and what apps get) refresh. */
export function storeSavedRollout(queryClient: QueryClient, rollout: Rollout) {
  queryClient.setQueryData(rolloutsKeys.detail(rollout.id), rollout);
  return Promise.all([queryClient.invalidateQueries({ queryKey: rolloutsKeys.lists() }), queryClient.invalidateQueries({ queryKey: ['parameters'] })]);
}
