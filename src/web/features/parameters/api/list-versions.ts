import { queryOptions } from '@tanstack/react-query';
import type { ParameterVersion } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';
import { withEnvironment } from '../../../lib/environments';

/** Every version of a parameter in `environment`, newest first. */
export function parameterVersionsQueryOptions(environment: string, id: string) {
  return queryOptions({
    queryKey: parametersKeys.versions(environment, id),
    queryFn: ({ client, signal }) =>
      apiRequest<{ items: ParameterVersion[] }>(client, withEnvironment(`/api/parameters/${encodeURIComponent(id)}/versions`, environment), { signal }),
    select: (data) => data.items,
  });
}
