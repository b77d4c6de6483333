import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Parameter, UpdateParameterBody } from '../../../../shared/contract/parameters';
import { callEndpoint } from '../../../lib/call-endpoint';
import { parametersApi } from '../../../../shared/contract/endpoints/parameters';
import { isApiError } from '../../../lib/api-error';
import { parametersKeys } from './parameters-keys';

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
    const current = await callEndpoint(client, parametersApi.get, { params: { id }, query: { environment } });
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
        callEndpoint(client, parametersApi.update, { params: { id }, query: { environment }, body: changes }),
      ),
    // The warnings (live experiments the save changed) are for the person saving, not the cached parameter.
    onSuccess: ({ warnings: _warnings, ...saved }) => Promise.all([storeSavedParameter(queryClient, environment, saved), queryClient.invalidateQueries({ queryKey: ['usage'] })]),
  });
}
