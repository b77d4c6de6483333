import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { sdkKeysApi } from '../../../../shared/contract/endpoints/sdk-keys';
import { sdkKeysKeys } from './sdk-keys-keys';

export function sdkKeysQueryOptions() {
  return queryOptions({
    queryKey: sdkKeysKeys.list(),
    queryFn: ({ client, signal }) => callEndpoint(client, sdkKeysApi.list, { signal }),
    select: (data) => data.items,
  });
}
