import { queryOptions } from '@tanstack/react-query';
import type { SetupStatus } from '../../../../shared/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** Whether the workspace still needs its first admin (then every page leads to /setup). */
export function setupStatusQueryOptions() {
  return queryOptions({
    queryKey: authKeys.setupStatus,
    queryFn: ({ client, signal }) => apiRequest<SetupStatus>(client, '/api/auth/setup', { signal }),
    staleTime: 5 * 60_000,
  });
}
