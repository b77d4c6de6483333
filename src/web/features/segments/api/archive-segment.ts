import { useMutation, useQueryClient } from '@tanstack/react-query';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

/** Archives (409 with the reason while something still uses it) or brings back a segment. */
export function useSetSegmentArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }, { client }) =>
      callEndpoint(client, archived ? segmentsApi.archive : segmentsApi.unarchive, { params: { id } }),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
