import { queryOptions } from '@tanstack/react-query';
import { experimentsApi } from '../../../../shared/contract/endpoints/experiments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { experimentsKeys } from './experiments-keys';

/** What blocks starting, what collides, and the reach, for the saved version of the experiment. */
export function experimentReviewQueryOptions(id: string, version: number) {
  return queryOptions({
    queryKey: experimentsKeys.review(id, version),
    queryFn: ({ client, signal }) => callEndpoint(client, experimentsApi.review, { params: { id }, signal }),
  });
}
