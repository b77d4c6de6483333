import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { sdkKeysApi } from '../../../../shared/contract/endpoints/sdk-keys';
import { parametersKeys } from './parameters-keys';

/** The workspace's SDK keys (never their secrets), to fill in the "Use in your app" snippets. */
export function sdkKeysQueryOptions() {
  return queryOptions({
    queryKey: parametersKeys.sdkKeys(),
    queryFn: ({ client, signal }) => callEndpoint(client, sdkKeysApi.list, { signal }),
    select: (data) => data.items.filter((key) => key.revokedAt === null),
  });
}
