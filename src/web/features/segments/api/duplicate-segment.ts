import { useMutation, useQueryClient } from '@tanstack/react-query';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

export function useDuplicateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string, { client }) => callEndpoint(client, segmentsApi.duplicate, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() }),
  });
}
