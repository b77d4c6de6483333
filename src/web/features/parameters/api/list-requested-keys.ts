import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { requestedKeySchema } from '../../../../shared/contract/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { parametersKeys } from './parameters-keys';

export type RequestedKey = z.infer<typeof requestedKeySchema>;

/** Keys apps asked for over OFREP that no parameter has yet. */
export function requestedKeysQueryOptions() {
  return queryOptions({
    queryKey: parametersKeys.requested(),
    queryFn: ({ client, signal }) => callEndpoint(client, parametersApi.requestedKeys, { signal }),
    select: (data) => data.items,
  });
}
