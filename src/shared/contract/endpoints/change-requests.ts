import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import {
  calendarQuerySchema,
  calendarSchema,
  changeRequestListSchema,
  changeRequestSchema,
  createChangeRequestBodySchema,
  listChangeRequestsQuerySchema,
  updateChangeRequestBodySchema,
} from '../change-requests';

/** /api/change-requests and /api/calendar. (The actions, POST /{id}/<action>, are not described here yet.) */
export const changeRequestsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/change-requests', query: listChangeRequestsQuerySchema, response: changeRequestListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/change-requests', body: createChangeRequestBodySchema, response: changeRequestSchema, status: 201 }),
  get: defineEndpoint({ method: 'GET', path: '/api/change-requests/{id}', params: idParamsSchema, response: changeRequestSchema }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/change-requests/{id}', params: idParamsSchema, body: updateChangeRequestBodySchema, response: changeRequestSchema }),
};

export const calendarApi = {
  get: defineEndpoint({ method: 'GET', path: '/api/calendar', query: calendarQuerySchema, response: calendarSchema }),
};
