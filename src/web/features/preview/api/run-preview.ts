import { queryOptions } from '@tanstack/react-query';
import type { Preview } from '../../../../shared/contract/preview';
import { apiRequest } from '../../../lib/api-client';
import { previewKeys } from './preview-keys';

/** Every parameter's value for one context, with the reason and the trace (runs once a context is given). */
export function previewQueryOptions(context: Record<string, unknown> | null) {
  return queryOptions({
    queryKey: previewKeys.run(context),
    queryFn: ({ client, signal }) => apiRequest<Preview>(client, '/api/preview', { method: 'POST', body: { context }, signal }),
    enabled: context !== null,
    staleTime: 0,
  });
}
