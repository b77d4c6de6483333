import { queryOptions } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { experimentsKeys } from './experiments-keys';

/** Users exposed so far, per variant (first exposures recorded by server-side evaluation). */
export function exposureCountsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...experimentsKeys.all, 'exposures', id] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, experimentsApi.exposures, { params: { id }, signal }),
    select: (data) => data.items,
    // Exposures keep arriving while it runs.
    refetchInterval: 30_000,
  });
}
