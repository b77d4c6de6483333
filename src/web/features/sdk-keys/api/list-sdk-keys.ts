import { queryOptions } from '@tanstack/react-query';
import type { SdkKey } from '../../../../shared/contract/sdk-keys';
import { apiRequest } from '../../../lib/api-client';
import { sdkKeysKeys } from './sdk-keys-keys';

export function sdkKeysQueryOptions() {
  return queryOptions({
    queryKey: sdkKeysKeys.list(),
    queryFn: ({ client, signal }) => apiRequest<{ items: SdkKey[] }>(client, '/api/sdk-keys', { signal }),
    select: (data) => data.items,
  });
}
