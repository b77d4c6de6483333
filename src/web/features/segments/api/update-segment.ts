import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Segment, updateSegmentBodySchema } from '../../../../shared/contract/segments';
import type { ImpactWarning } from '../../../../shared/contract/usage';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export type UpdateSegmentBody = z.input<typeof updateSegmentBodySchema>;

/** Saves changes; the server answers 409 when `expectedVersion` is stale. */
export function useUpdateSegment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSegmentBody, { client }) =>
      apiRequest<Segment & { warnings?: ImpactWarning[] }>(client, `/api/segments/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    // The warnings (live experiments whose audience changed) are for the person saving, not the cache.
    onSuccess: ({ warnings: _warnings, ...segment }) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      void queryClient.invalidateQueries({ queryKey: ['usage'] });
      void queryClient.invalidateQueries({ queryKey: segmentsKeys.members(segment.id) });
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
