import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Parameter, UpdateParameterBody } from '../../../../shared/contract/parameters';
import type { ImpactWarning } from '../../../../shared/contract/usage';
import { apiRequest } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { parametersKeys } from './parameters-keys';
import { withEnvironment } from '../../../lib/environments';

/** A save based on a stale version: `current` is the parameter as someone else saved it. */
export class ParameterConflictError extends Error {
  override readonly name = 'ParameterConflictError';
  constructor(readonly current: Parameter) {
    super('Someone else changed this parameter');
  }
}

export function isParameterConflict(error: unknown): error is ParameterConflictError {
  return error instanceof ParameterConflictError;
}

export interface UpdateParameterVariables {
  id: string;
  changes: UpdateParameterBody;
}

/** On 409 the saved parameter is fetched, so the person can compare it with what they have. */
export async function withConflictDetection<T>(client: QueryClient, environment: string, id: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!isApiError(error) || error.status !== 409) throw error;
    const current = await apiRequest<Parameter>(client, withEnvironment(`/api/parameters/${encodeURIComponent(id)}`, environment));
    throw new ParameterConflictError(current);
  }
}

export function storeSavedParameter(queryClient: QueryClient, environment: string, saved: Parameter) {
  queryClient.setQueryData(parametersKeys.detail(environment, saved.id), saved);
  queryClient.setQueryData(parametersKeys.detail(environment, saved.key), saved);
  return queryClient.invalidateQueries({ queryKey: parametersKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
}

/** Saves the changed fields of a parameter in `environment`; a stale expectedVersion throws ParameterConflictError. */
export function useUpdateParameter(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: UpdateParameterVariables, { client }) =>
      withConflictDetection(client, environment, id, () =>
        apiRequest<Parameter & { warnings?: ImpactWarning[] }>(client, withEnvironment(`/api/parameters/${encodeURIComponent(id)}`, environment), { method: 'PATCH', body: changes }),
      ),
    // The warnings (live experiments the save changed) are for the person saving, not the cached parameter.
    onSuccess: ({ warnings: _warnings, ...saved }) => Promise.all([storeSavedParameter(queryClient, environment, saved), queryClient.invalidateQueries({ queryKey: ['usage'] })]),
  });
}
