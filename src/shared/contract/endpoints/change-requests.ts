import { idParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import {
  calendarQuerySchema,
  calendarSchema,
  changeRequestListSchema,
  changeRequestSchema,
  commentBodySchema,
  createChangeRequestBodySchema,
  listChangeRequestsQuerySchema,
  publishBodySchema,
  reviewBodySchema,
  scheduleBodySchema,
  updateChangeRequestBodySchema,
  versionBodySchema,
} from '../change-requests';

/** /api/change-requests and /api/calendar. Every action (POST /{id}/<action>) answers the change request as it now is. */
export const changeRequestsApi = {
  list: defineEndpoint({ method: 'GET', path: '/api/change-requests', query: listChangeRequestsQuerySchema, response: changeRequestListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/change-requests', body: createChangeRequestBodySchema, response: changeRequestSchema, status: 201 }),
  get: defineEndpoint({ method: 'GET', path: '/api/change-requests/{id}', params: idParamsSchema, response: changeRequestSchema }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/change-requests/{id}', params: idParamsSchema, body: updateChangeRequestBodySchema, response: changeRequestSchema }),
  reviews: defineEndpoint({ method: 'POST', path: '/api/change-requests/{id}/reviews', params: idParamsSchema, body: reviewBodySchema, response: changeRequestSchema }),
  comments: defineEndpoint({ method: 'POST', path: '/api/change-requests/{id}/comments', params: idParamsSchema, body: commentBodySchema, response: changeRequestSchema }),
  publish: defineEndpoint({ method: 'POST', path: '/api/change-requests/{id}/publish', params: idParamsSchema, body: publishBodySchema, response: changeRequestSchema }),
  schedule: defineEndpoint({ method: 'POST', path: '/api/change-requests/{id}/schedule', params: idParamsSchema, body: scheduleBodySchema, response: changeRequestSchema }),
  rebase: defineEndpoint({ method: 'POST', path: '/api/change-requests/{id}/rebase', params: idParamsSchema, body: versionBodySchema, response: changeRequestSchema }),
  discard: defineEndpoint({ method: 'POST', path: '/api/change-requests/{id}/discard', params: idParamsSchema, body: versionBodySchema, response: changeRequestSchema }),
};

/** The change request actions, by the name the dashboard gives them. */
export type ChangeRequestAction = 'reviews' | 'comments' | 'publish' | 'schedule' | 'rebase' | 'discard';

export const calendarApi = {
  get: defineEndpoint({ method: 'GET', path: '/api/calendar', query: calendarQuerySchema, response: calendarSchema }),
};
