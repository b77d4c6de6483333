import { queryOptions } from '@tanstack/react-query';
import type { SdkKey } from '../../../../shared/contract/sdk-keys';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';

/** The workspace's SDK keys (never their secrets), to fill in the "Use in your app" snippets. */
export function sdkKeysQueryOptions() {
  return queryOptions({
    queryKey: parametersKeys.sdkKeys(),
    queryFn: ({ client, signal }) => apiRequest<{ items: SdkKey[] }>(client, '/api/sdk-keys', { signal }),
    select: (data) => data.items.filter((key) => key.revokedAt === null),
  });
}
