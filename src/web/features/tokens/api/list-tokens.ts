import { queryOptions } from '@tanstack/react-query';
import type { ApiToken } from '../../../../shared/contract/tokens';
import { apiRequest } from '../../../lib/api-client';
import { tokensKeys } from './tokens-keys';

export function tokensQueryOptions() {
  return queryOptions({
    queryKey: tokensKeys.list(),
    queryFn: ({ client, signal }) => apiRequest<{ items: ApiToken[] }>(client, '/api/tokens', { signal }),
    select: (data) => data.items,
  });
}
