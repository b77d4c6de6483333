import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createSegmentBodySchema, Segment } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { segmentsKeys } from './segments-keys';

export type CreateSegmentBody = z.input<typeof createSegmentBodySchema>;

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSegmentBody, { client }) => apiRequest<Segment>(client, '/api/segments', { method: 'POST', body }),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
