import { queryOptions } from '@tanstack/react-query';
import type { ParameterVersion } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';

/** Every version of a parameter, newest first. */
export function parameterVersionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: parametersKeys.versions(id),
    queryFn: ({ client, signal }) =>
      apiRequest<{ items: ParameterVersion[] }>(client, `/api/parameters/${encodeURIComponent(id)}/versions`, { signal }),
    select: (data) => data.items,
  });
}
