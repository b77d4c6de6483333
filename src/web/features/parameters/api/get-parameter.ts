import { queryOptions } from '@tanstack/react-query';
import type { Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';

/** One parameter, by id or key. */
export function parameterQueryOptions(idOrKey: string) {
  return queryOptions({
    queryKey: parametersKeys.detail(idOrKey),
    queryFn: ({ client, signal }) => apiRequest<Parameter>(client, `/api/parameters/${encodeURIComponent(idOrKey)}`, { signal }),
  });
}
