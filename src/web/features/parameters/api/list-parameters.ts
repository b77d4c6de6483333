import { infiniteQueryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys, type ParameterFilters } from './parameters-keys';

/** Rows fetched per request while scrolling. */
export const PARAMETERS_PAGE_SIZE = 200;

/** Server-paged parameter list: one page of 200 at a time, the next when the person scrolls near the end. */
export function parametersInfiniteQueryOptions(environment: string, filters: ParameterFilters) {
  return infiniteQueryOptions({
    queryKey: parametersKeys.list(environment, filters),
    queryFn: ({ client, signal, pageParam }) =>
      callEndpoint(client, parametersApi.list, { query: { environment, ...filters, offset: pageParam, limit: PARAMETERS_PAGE_SIZE }, signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });
}
