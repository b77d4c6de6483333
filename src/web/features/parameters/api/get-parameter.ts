import { queryOptions } from '@tanstack/react-query';
import type { Parameter } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';
import { withEnvironment } from '../../../lib/environments';

/** One parameter, by id or key, as `environment` sees it. */
export function parameterQueryOptions(environment: string, idOrKey: string) {
  return queryOptions({
    queryKey: parametersKeys.detail(environment, idOrKey),
    queryFn: ({ client, signal }) => apiRequest<Parameter>(client, withEnvironment(`/api/parameters/${encodeURIComponent(idOrKey)}`, environment), { signal }),
  });
}
