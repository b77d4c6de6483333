import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Segment } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export function useDuplicateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string, { client }) => apiRequest<Segment>(client, `/api/segments/${encodeURIComponent(id)}/duplicate`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() }),
  });
}
