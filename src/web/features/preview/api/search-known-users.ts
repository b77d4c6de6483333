import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { KnownUser } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { previewKeys } from './preview-keys';

/** Known users of `environment` (its apps evaluated values for them), most recently seen first, optionally filtered by key. */
export function knownUsersQueryOptions(environment: string, search: string, limit = 20) {
  const query = new URLSearchParams({ limit: String(limit), environment });
  if (search.trim()) query.set('search', search.trim());
  return queryOptions({
    queryKey: previewKeys.knownUsers(environment, search.trim()),
    queryFn: ({ client, signal }) => apiRequest<{ items: KnownUser[] }>(client, `/api/known-users?${query.toString()}`, { signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}
