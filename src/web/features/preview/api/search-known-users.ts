import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { audiencesApi } from '../../../../shared/contract/endpoints/audiences';
import { callEndpoint } from '../../../lib/call-endpoint';
import { previewKeys } from './preview-keys';

/** Known users of `environment` (its apps evaluated values for them), most recently seen first, optionally filtered by key. */
export function knownUsersQueryOptions(environment: string, search: string, limit = 20) {
  const trimmed = search.trim();
  return queryOptions({
    queryKey: previewKeys.knownUsers(environment, trimmed),
    // An empty search is left out of the URL: every known user.
    queryFn: ({ client, signal }) => callEndpoint(client, audiencesApi.knownUsers, { query: { limit, environment, search: trimmed }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}
