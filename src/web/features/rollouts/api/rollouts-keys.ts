import type { RolloutStatus } from '../../../../shared/contract/rollouts';

export interface RolloutFilters {
  status?: RolloutStatus;
  parameterKey?: string;
}

export const rolloutsKeys = {
  all: ['rollouts'] as const,
  lists: () => [...rolloutsKeys.all, 'list'] as const,
  list: (environment: string, filters: RolloutFilters) => [...rolloutsKeys.lists(), environment, filters] as const,
  detail: (id: string) => [...rolloutsKeys.all, 'detail', id] as const,
};

/** While a rollout runs its monitor decides every few minutes: the pages poll so its decisions appear. */
export const ROLLOUT_POLL_MS = 10_000;
