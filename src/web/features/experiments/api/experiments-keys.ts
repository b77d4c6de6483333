import type { ExperimentStatus } from '../../../../shared/contract/experiments';

export interface ExperimentFilters {
  search?: string;
  status?: ExperimentStatus;
}

export const experimentsKeys = {
  all: ['experiments'] as const,
  lists: () => [...experimentsKeys.all, 'list'] as const,
  list: (environment: string, filters: ExperimentFilters) => [...experimentsKeys.lists(), environment, filters] as const,
  detail: (id: string) => [...experimentsKeys.all, 'detail', id] as const,
  review: (id: string, version: number) => [...experimentsKeys.all, 'review', id, version] as const,
};
