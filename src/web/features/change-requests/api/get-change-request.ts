import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { changeRequestsApi } from '../../../../shared/contract/endpoints/change-requests';
import { changeRequestsKeys } from './change-requests-keys';

export function changeRequestQueryOptions(id: string) {
  return queryOptions({
    queryKey: changeRequestsKeys.detail(id),
    queryFn: ({ client, signal }) => callEndpoint(client, changeRequestsApi.get, { params: { id }, signal }),
  });
}
