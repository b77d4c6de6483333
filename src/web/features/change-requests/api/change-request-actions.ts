import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChangeRequest,
  commentBodySchema,
  publishBodySchema,
  publishConflictSchema,
  reviewBodySchema,
  scheduleBodySchema,
  updateChangeRequestBodySchema,
  versionBodySchema,
} from '../../../../shared/contract/change-requests';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { changeRequestsKeys } from './change-requests-keys';

export type PublishConflict = z.infer<typeof publishConflictSchema>['conflicts'][number];

/** Every action answers with the change request as it now is: show it, and refresh what it touches. */
export function storeChangeRequest(queryClient: QueryClient, saved: ChangeRequest) {
  queryClient.setQueryData(changeRequestsKeys.detail(saved.id), saved);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: changeRequestsKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' }),
    queryClient.invalidateQueries({ queryKey: ['calendar'] }),
    // A publish changes parameters in the environment.
    saved.status === 'published' ? queryClient.invalidateQueries({ queryKey: ['parameters'] }) : undefined,
  ]);
}

interface Bodies {
  reviews: z.input<typeof reviewBodySchema>;
  comments: z.input<typeof commentBodySchema>;
  publish: z.input<typeof publishBodySchema>;
  schedule: z.input<typeof scheduleBodySchema>;
  rebase: z.input<typeof versionBodySchema>;
  discard: z.input<typeof versionBodySchema>;
}

/** POST /api/change-requests/:id/<action>. */
export function useChangeRequestAction<A extends keyof Bodies>(id: string, action: A) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Bodies[A], { client }) =>
      apiRequest<ChangeRequest>(client, `/api/change-requests/${encodeURIComponent(id)}/${action}`, { method: 'POST', body }),
    onSuccess: (saved) => storeChangeRequest(queryClient, saved),
  });
}

export type UpdateChangeRequestBody = z.input<typeof updateChangeRequestBodySchema>;

/** Retitles, replaces or adds changes: a new revision, so earlier approvals no longer count. */
export function useUpdateChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateChangeRequestBody }, { client }) =>
      apiRequest<ChangeRequest>(client, `/api/change-requests/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: (saved) => storeChangeRequest(queryClient, saved),
  });
}

/** The parameters that changed since the draft, when a publish was refused for that (409 with `conflicts`). */
export function publishConflicts(error: unknown): PublishConflict[] {
  if (!isApiError(error) || error.status !== 409) return [];
  const body = error.body as { conflicts?: unknown } | undefined;
  return Array.isArray(body?.conflicts) ? (body.conflicts as PublishConflict[]) : [];
}
