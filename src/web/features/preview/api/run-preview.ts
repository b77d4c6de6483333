import { queryOptions } from '@tanstack/react-query';
import type { Preview } from '../../../../shared/contract/preview';
import { apiRequest } from '../../../lib/api-client';
import { previewKeys } from './preview-keys';
import { withEnvironment } from '../../../lib/environments';

/** Every parameter's value in `environment` for one context, with the reason and the trace (runs once a context is given). */
export function previewQueryOptions(environment: string, context: Record<string, unknown> | null) {
  return queryOptions({
    queryKey: previewKeys.run(environment, context),
    queryFn: ({ client, signal }) => apiRequest<Preview>(client, withEnvironment('/api/preview', environment), { method: 'POST', body: { context }, signal }),
    enabled: context !== null,
    staleTime: 0,
  });
}
