import { queryOptions } from '@tanstack/react-query';
import { audiencesApi } from '../../../../shared/contract/endpoints/audiences';
import { callEndpoint } from '../../../lib/call-endpoint';
import { previewKeys } from './preview-keys';

/** A known user's latest attributes in `environment` (404 when no app there evaluated values for them). */
export function knownUserQueryOptions(environment: string, targetingKey: string) {
  return queryOptions({
    queryKey: previewKeys.knownUser(environment, targetingKey),
    queryFn: ({ client, signal }) => callEndpoint(client, audiencesApi.knownUser, { params: { targetingKey }, query: { environment }, signal }),
    enabled: targetingKey !== '',
  });
}
