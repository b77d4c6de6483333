import { queryOptions } from '@tanstack/react-query';
// Type-only: the shell's switcher reads environments without loading zod (the contract's runtime).
import type { Environment } from '../../shared/contract/environments';
import { apiRequest } from './api-client';

// The current environment is cross-cutting (every feature's per-environment requests carry it),
// so it lives here rather than in a feature: features never import each other.

/** Kept here rather than imported from the contract, whose runtime (zod) the shell does not load. */
export const PRODUCTION_KEY = 'production';

export const environmentsKeys = {
  all: ['environments'] as const,
  list: () => [...environmentsKeys.all, 'list'] as const,
};

/** Appends `environment=<key>` to an API path (every per-environment route takes it; Production when left out). */
export function withEnvironment(path: string, environment: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}environment=${encodeURIComponent(environment)}`;
}

/** Every environment, active ones first in switcher order; archived ones carry `archivedAt`. */
export function environmentsQueryOptions() {
  return queryOptions({
    queryKey: environmentsKeys.list(),
    queryFn: ({ client, signal }) => apiRequest<{ items: Environment[] }>(client, '/api/environments', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Finds an active environment by key or id; unknown or archived ones fall back to Production. */
export function resolveEnvironment(environments: Environment[], requested: string): Environment | undefined {
  const active = environments.filter((environment) => environment.archivedAt === null);
  return (
    active.find((environment) => environment.key === requested || environment.id === requested) ??
    active.find((environment) => environment.key === PRODUCTION_KEY) ??
    active[0]
  );
}
