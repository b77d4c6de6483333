import { defineEndpoint } from '../endpoint';
import { eventCatalogSchema } from '../events';

/** /api/events: what apps have sent, for the metric catalog. (SDK ingestion, /sdk/v1/events, is not a dashboard endpoint.) */
export const eventsApi = {
  catalog: defineEndpoint({ method: 'GET', path: '/api/events/catalog', response: eventCatalogSchema }),
};
