import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarSchema } from '../../../../shared/contract/change-requests';
import { callEndpoint } from '../../../lib/call-endpoint';
import { calendarApi } from '../../../../shared/contract/endpoints/change-requests';
import { changeRequestsKeys } from './change-requests-keys';

export type Calendar = z.infer<typeof calendarSchema>;
export type CalendarEntry = Calendar['items'][number];

/** Scheduled publishes and experiment starts and ends in one environment between two instants. */
export function calendarQueryOptions(environment: string, from: string, to: string) {
  return queryOptions({
    queryKey: changeRequestsKeys.calendar(environment, from, to),
    queryFn: ({ client, signal }) => callEndpoint(client, calendarApi.get, { query: { environment, from, to }, signal }),
    select: (data) => data.items,
  });
}
