import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { requestedKeySchema } from '../../../../shared/contract/parameters';
import { apiRequest } from '../../../lib/api-client';
import { parametersKeys } from './parameters-keys';

export type RequestedKey = z.infer<typeof requestedKeySchema>;

/** Keys apps asked for over OFREP that no parameter has yet. */
export function requestedKeysQueryOptions() {
  return queryOptions({
    queryKey: parametersKeys.requested(),
    queryFn: ({ client, signal }) => apiRequest<{ items: RequestedKey[] }>(client, '/api/parameters/requested', { signal }),
    select: (data) => data.items,
  });
}
