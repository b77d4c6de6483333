import type { ChangeRequestStatus } from '../../../../shared/contract/change-requests';

export const changeRequestsKeys = {
  all: ['change-requests'] as const,
  list: (environment: string, status: ChangeRequestStatus | 'all') => [...changeRequestsKeys.all, 'list', environment, status] as const,
  detail: (id: string) => [...changeRequestsKeys.all, 'detail', id] as const,
  calendar: (environment: string, from: string, to: string) => ['calendar', environment, from, to] as const,
};
