import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys } from './parameters-keys';

/** One parameter, by id or key, as `environment` sees it. */
export function parameterQueryOptions(environment: string, idOrKey: string) {
  return queryOptions({
    queryKey: parametersKeys.detail(environment, idOrKey),
    queryFn: ({ client, signal }) => callEndpoint(client, parametersApi.get, { params: { id: idOrKey }, query: { environment }, signal }),
  });
}
