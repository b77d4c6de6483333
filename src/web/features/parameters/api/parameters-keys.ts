import type { ListParametersQuery } from '../../../../shared/contract/parameters';

export type ParameterFilters = Pick<ListParametersQuery, 'search' | 'type' | 'tag' | 'sort' | 'archived'>;

// Per-environment data (lists, details, versions) holds the environment's key, so switching refetches.
export const parametersKeys = {
  all: ['parameters'] as const,
  lists: () => [...parametersKeys.all, 'list'] as const,
  list: (environment: string, filters: ParameterFilters) => [...parametersKeys.lists(), environment, filters] as const,
  detail: (environment: string, id: string) => [...parametersKeys.all, 'detail', environment, id] as const,
  versions: (environment: string, id: string) => [...parametersKeys.all, 'versions', environment, id] as const,
  requested: () => [...parametersKeys.all, 'requested'] as const,
  sdkKeys: () => ['sdk-keys', 'list'] as const,
};
