import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEnvironmentBody, Environment, UpdateEnvironmentBody } from '../../../../shared/contract/environments';
import { apiRequest } from '../../../lib/api-client';
import { environmentsKeys } from './environments-keys';

/** Adds an environment (admins); 409 with a field error on `key` when the key is taken. */
export function useCreateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEnvironmentBody, { client }) => apiRequest<Environment>(client, '/api/environments', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: environmentsKeys.all }),
  });
}

/** Renames, recolours, archives or unarchives; 409 when stale or when archiving is refused (the detail says why). */
export function useUpdateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEnvironmentBody }, { client }) =>
      apiRequest<Environment>(client, `/api/environments/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: environmentsKeys.all }),
  });
}

/** Sets the switcher order: every active environment's id, first to last. */
export function useReorderEnvironments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[], { client }) =>
      apiRequest<{ items: Environment[] }>(client, '/api/environments/order', { method: 'PUT', body: { ids } }),
    onSuccess: (data) => queryClient.setQueryData(environmentsKeys.list(), data),
    onError: () => queryClient.invalidateQueries({ queryKey: environmentsKeys.all }),
  });
}
