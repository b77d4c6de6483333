import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../../lib/call-endpoint';
import { tokensApi } from '../../../../shared/contract/endpoints/tokens';
import { tokensKeys } from './tokens-keys';

export function tokensQueryOptions() {
  return queryOptions({
    queryKey: tokensKeys.list(),
    queryFn: ({ client, signal }) => callEndpoint(client, tokensApi.list, { signal }),
    select: (data) => data.items,
  });
}
