import { queryOptions } from '@tanstack/react-query';
import type { KnownUser } from '../../../../shared/contract/segments';
import { apiRequest } from '../../../lib/api-client';
import { previewKeys } from './preview-keys';
import { withEnvironment } from '../../../lib/environments';

/** A known user's latest attributes in `environment` (404 when no app there evaluated values for them). */
export function knownUserQueryOptions(environment: string, targetingKey: string) {
  return queryOptions({
    queryKey: previewKeys.knownUser(environment, targetingKey),
    queryFn: ({ client, signal }) => apiRequest<KnownUser>(client, withEnvironment(`/api/known-users/${encodeURIComponent(targetingKey)}`, environment), { signal }),
    enabled: targetingKey !== '',
  });
}
