import { queryOptions } from '@tanstack/react-query';
import type { EndpointResponse } from '../../../../shared/contract/endpoint';
import { audiencesApi } from '../../../../shared/contract/endpoints/audiences';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

export type ObservedAttribute = EndpointResponse<typeof audiencesApi.attributes>['items'][number];

/** Attributes apps actually sent, with the kinds seen, plus the declared ones. */
export function attributesQueryOptions() {
  return queryOptions({
    queryKey: segmentsKeys.attributes(),
    queryFn: ({ client, signal }) => callEndpoint(client, audiencesApi.attributes, { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
