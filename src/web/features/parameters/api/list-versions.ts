import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys } from './parameters-keys';

/** Every version of a parameter in `environment`, newest first. */
export function parameterVersionsQueryOptions(environment: string, id: string) {
  return queryOptions({
    queryKey: parametersKeys.versions(environment, id),
    queryFn: ({ client, signal }) =>
      callEndpoint(client, parametersApi.versions, { params: { id }, query: { environment }, signal }),
    select: (data) => data.items,
  });
}
