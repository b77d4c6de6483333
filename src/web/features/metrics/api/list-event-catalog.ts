import { queryOptions } from '@tanstack/react-query';
import type { EventCatalog } from '../../../../shared/contract/events';
import { callEndpoint } from '../../../lib/call-endpoint';
import { eventsApi } from '../../../../shared/contract/endpoints/events';
import { metricsKeys } from './metrics-keys';

export type CatalogEvent = EventCatalog['items'][number];

/** The events apps have sent (track events only: exposures are not something users do), with their properties. */
export function eventCatalogQueryOptions() {
  return queryOptions({
    queryKey: metricsKeys.eventCatalog(),
    queryFn: ({ client, signal }) => callEndpoint(client, eventsApi.catalog, { signal }),
    select: (data) => data.items.filter((item) => item.type === 'track'),
    staleTime: 60_000,
  });
}
