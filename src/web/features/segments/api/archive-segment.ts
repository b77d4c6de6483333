import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Segment } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

/** Archives (409 with the reason while something still uses it) or brings back a segment. */
export function useSetSegmentArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }, { client }) =>
      apiRequest<Segment>(client, `/api/segments/${encodeURIComponent(id)}/${archived ? 'archive' : 'unarchive'}`, { method: 'POST' }),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
