import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '../../../../shared/contract/endpoint';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

export type UpdateSegmentBody = EndpointBody<typeof segmentsApi.update>;

/** Saves changes; the server answers 409 when `expectedVersion` is stale. */
export function useUpdateSegment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSegmentBody, { client }) => callEndpoint(client, segmentsApi.update, { params: { id }, body }),
    // The warnings (live experiments whose audience changed) are for the person saving, not the cache.
    onSuccess: ({ warnings: _warnings, ...segment }) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      void queryClient.invalidateQueries({ queryKey: ['usage'] });
      void queryClient.invalidateQueries({ queryKey: segmentsKeys.members(segment.id) });
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
