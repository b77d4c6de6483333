import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEnvironmentBody, UpdateEnvironmentBody } from '../../../../shared/contract/environments';
import { environmentsApi } from '../../../../shared/contract/endpoints/environments';
import { callEndpoint } from '../../../lib/call-endpoint';
import { environmentsKeys } from './environments-keys';

/** Adds an environment (admins); 409 with a field error on `key` when the key is taken. */
export function useCreateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEnvironmentBody, { client }) => callEndpoint(client, environmentsApi.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: environmentsKeys.all }),
  });
}

/** Renames, recolours, archives or unarchives; 409 when stale or when archiving is refused (the detail says why). */
export function useUpdateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEnvironmentBody }, { client }) =>
      callEndpoint(client, environmentsApi.update, { params: { id }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: environmentsKeys.all }),
  });
}

/** Sets the switcher order: every active environment's id, first to last. */
export function useReorderEnvironments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[], { client }) =>
      callEndpoint(client, environmentsApi.reorder, { body: { ids } }),
    onSuccess: (data) => queryClient.setQueryData(environmentsKeys.list(), data),
    onError: () => queryClient.invalidateQueries({ queryKey: environmentsKeys.all }),
  });
}
