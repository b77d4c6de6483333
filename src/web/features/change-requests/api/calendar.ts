import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarSchema } from '../../../../shared/contract/change-requests';
import { apiRequest } from '../../../lib/api-client';
import { changeRequestsKeys } from './change-requests-keys';

export type Calendar = z.infer<typeof calendarSchema>;
export type CalendarEntry = Calendar['items'][number];

/** Scheduled publishes and experiment starts and ends in one environment between two instants. */
export function calendarQueryOptions(environment: string, from: string, to: string) {
  const query = new URLSearchParams({ environment, from, to });
  return queryOptions({
    queryKey: changeRequestsKeys.calendar(environment, from, to),
    queryFn: ({ client, signal }) => apiRequest<Calendar>(client, `/api/calendar?${query.toString()}`, { signal }),
    select: (data) => data.items,
  });
}
