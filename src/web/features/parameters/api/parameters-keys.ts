import type { ListParametersQuery } from '../../../../shared/contract/parameters';

export type ParameterFilters = Pick<ListParametersQuery, 'search' | 'type' | 'tag' | 'sort' | 'archived'>;

export const parametersKeys = {
  all: ['parameters'] as const,
  lists: () => [...parametersKeys.all, 'list'] as const,
  list: (filters: ParameterFilters) => [...parametersKeys.lists(), filters] as const,
  detail: (id: string) => [...parametersKeys.all, 'detail', id] as const,
  versions: (id: string) => [...parametersKeys.all, 'versions', id] as const,
  requested: () => [...parametersKeys.all, 'requested'] as const,
  sdkKeys: () => ['sdk-keys', 'list'] as const,
};
