import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '../../../../shared/contract/endpoint';
import { segmentsApi } from '../../../../shared/contract/endpoints/segments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { segmentsKeys } from './segments-keys';

export type CreateSegmentBody = EndpointBody<typeof segmentsApi.create>;

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSegmentBody, { client }) => callEndpoint(client, segmentsApi.create, { body }),
    onSuccess: (segment) => {
      queryClient.setQueryData(segmentsKeys.detail(segment.id), segment);
      return queryClient.invalidateQueries({ queryKey: segmentsKeys.lists() });
    },
  });
}
