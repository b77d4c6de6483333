import { queryOptions } from '@tanstack/react-query';
import type { EndpointResponse } from '../../../../shared/contract/endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';

/** What the preview needs of a parameter to draw its value. */
export type ParameterLook = Pick<EndpointResponse<typeof parametersApi.list>['items'][number], 'name' | 'spec'>;

/**
 * Each active parameter's name and type by key, so a previewed value is drawn as the app shows it.
 * Kept under the parameters' prefix so their changes refresh it.
 */
export function parameterLooksQueryOptions() {
  return queryOptions({
    queryKey: ['parameters', 'preview-looks'] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, parametersApi.list, { query: { limit: 500, sort: 'key' }, signal }),
    select: (page) => new Map<string, ParameterLook>(page.items.map((parameter) => [parameter.key, { name: parameter.name, spec: parameter.spec }])),
    staleTime: 30_000,
  });
}
