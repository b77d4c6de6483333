import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ParameterPage } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys, type ParameterFilters } from './parameters-keys';

/** Rows fetched per request while scrolling. */
export const PARAMETERS_PAGE_SIZE = 200;

export function parametersSearchParams(environment: string, filters: ParameterFilters, offset: number, limit = PARAMETERS_PAGE_SIZE): URLSearchParams {
  const params = new URLSearchParams({ environment });
  if (filters.search) params.set('search', filters.search);
  if (filters.type) params.set('type', filters.type);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.archived) params.set('archived', filters.archived);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return params;
}

/** Server-paged parameter list: one page of 200 at a time, the next when the person scrolls near the end. */
export function parametersInfiniteQueryOptions(environment: string, filters: ParameterFilters) {
  return infiniteQueryOptions({
    queryKey: parametersKeys.list(environment, filters),
    queryFn: ({ client, signal, pageParam }) =>
      apiRequest<ParameterPage>(client, `/api/parameters?${parametersSearchParams(environment, filters, pageParam).toString()}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });
}
