import { queryOptions } from '@tanstack/react-query';
import type { KnownUser } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { previewKeys } from './preview-keys';

/** A known user's latest attributes (404 when no app evaluated values for them). */
export function knownUserQueryOptions(targetingKey: string) {
  return queryOptions({
    queryKey: previewKeys.knownUser(targetingKey),
    queryFn: ({ client, signal }) => apiRequest<KnownUser>(client, `/api/known-users/${encodeURIComponent(targetingKey)}`, { signal }),
    enabled: targetingKey !== '',
  });
}
