import { queryOptions } from '@tanstack/react-query';
import type { ExperimentReview } from '../../../../shared/contract/experiments';
import { apiRequest } from '../../../lib/api-client';
import { experimentsKeys } from './experiments-keys';

/** What blocks starting, what collides, and the reach, for the saved version of the experiment. */
export function experimentReviewQueryOptions(id: string, version: number) {
  return queryOptions({
    queryKey: experimentsKeys.review(id, version),
    queryFn: ({ client, signal }) => apiRequest<ExperimentReview>(client, `/api/experiments/${encodeURIComponent(id)}/review`, { signal }),
  });
}
