import { queryOptions, skipToken } from '@tanstack/react-query';
import { audiencesApi } from '../../../../shared/contract/endpoints/audiences';
import { callEndpoint } from '../../../lib/call-endpoint';
import { previewKeys } from './preview-keys';

/** Every parameter's value in `environment` for one context, with the reason and the trace (runs once a context is given). */
export function previewQueryOptions(environment: string, context: Record<string, unknown> | null) {
  return queryOptions({
    queryKey: previewKeys.run(environment, context),
    // No context yet: nothing to run (skipToken also keeps the query disabled).
    queryFn: context === null ? skipToken : ({ client, signal }) => callEndpoint(client, audiencesApi.preview, { query: { environment }, body: { context }, signal }),
    staleTime: 0,
  });
}
