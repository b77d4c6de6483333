import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { KnownUser } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { previewKeys } from './preview-keys';

/** Known users (apps evaluated values for them), most recently seen first, optionally filtered by key. */
export function knownUsersQueryOptions(search: string, limit = 20) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (search.trim()) query.set('search', search.trim());
  return queryOptions({
    queryKey: previewKeys.knownUsers(search.trim()),
    queryFn: ({ client, signal }) => apiRequest<{ items: KnownUser[] }>(client, `/api/known-users?${query.toString()}`, { signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}
