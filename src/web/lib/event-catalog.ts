import { queryOptions } from '@tanstack/react-query';
import type { EventCatalog } from '../../shared/contract/events';
import { callEndpoint } from './call-endpoint';
import { eventsApi } from '../../shared/contract/endpoints/events';

export type CatalogEvent = EventCatalog['items'][number];

/** The events apps have sent (a read the metric editor and the segment builder share) (track events only: exposures are not something users do), with their properties. */
export function eventCatalogQueryOptions() {
  return queryOptions({
    queryKey: ['events', 'catalog'] as const,
    queryFn: ({ client, signal }) => callEndpoint(client, eventsApi.catalog, { signal }),
    select: (data) => data.items.filter((item) => item.type === 'track'),
    staleTime: 60_000,
  });
}
