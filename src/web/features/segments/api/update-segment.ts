import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Segment, updateSegmentBodySchema } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export type UpdateSegmentBody = z.input<typeof updateSegmentBodySchema>;

/** Saves changes; the server answers 409 when `expectedVersion` is stale. */
export function useUpdateSegment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSegmentBody, { client }) =>
      apiRequest<Segment>(client, `/api/segments/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      void queryClient.invalidateQueries({ queryKey: segmentsKeys.members(segment.id) });
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
