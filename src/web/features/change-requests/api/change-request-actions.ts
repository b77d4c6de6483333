import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangeRequest, publishConflictSchema } from '../../../../shared/contract/change-requests';
import type { EndpointBody } from '../../../../shared/contract/endpoint';
import { changeRequestsApi, type ChangeRequestAction } from '../../../../shared/contract/endpoints/change-requests';
import { isApiError } from '../../../lib/api-error';
import { callEndpoint } from '../../../lib/call-endpoint';
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

/** POST /api/change-requests/:id/<action>. */
export function useChangeRequestAction<A extends ChangeRequestAction>(id: string, action: A) {
  const queryClient = useQueryClient();
  const endpoint = changeRequestsApi[action] as (typeof changeRequestsApi)[ChangeRequestAction];
  return useMutation({
    mutationFn: (body: EndpointBody<(typeof changeRequestsApi)[A]>, { client }) =>
      callEndpoint(client, endpoint, { params: { id }, body: body as EndpointBody<typeof endpoint> }),
    onSuccess: (saved) => storeChangeRequest(queryClient, saved),
  });
}

export type UpdateChangeRequestBody = EndpointBody<typeof changeRequestsApi.update>;

/** Retitles, replaces or adds changes: a new revision, so earlier approvals no longer count. */
export function useUpdateChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateChangeRequestBody }, { client }) =>
      callEndpoint(client, changeRequestsApi.update, { params: { id }, body }),
    onSuccess: (saved) => storeChangeRequest(queryClient, saved),
  });
}

/** The parameters that changed since the draft, when a publish was refused for that (409 with `conflicts`). */
export function publishConflicts(error: unknown): PublishConflict[] {
  if (!isApiError(error) || error.status !== 409) return [];
  const body = error.body as { conflicts?: unknown } | undefined;
  return Array.isArray(body?.conflicts) ? (body.conflicts as PublishConflict[]) : [];
}
