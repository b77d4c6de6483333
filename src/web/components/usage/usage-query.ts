import { queryOptions } from '@tanstack/react-query';
import type { ExperimentUse, ImpactWarning, Usage } from '../../../shared/contract/usage';
import { apiRequest } from '../../lib/api-client';
import { withEnvironment } from '../../lib/environments';

export type UsageKind = 'parameters' | 'segments' | 'metrics';

/**
 * Where a parameter, segment or metric is used; refetched on every save that could change it. A
 * parameter's rules and experiments are per environment, so its usage is read in `environment`.
 */
export function usageQueryOptions(kind: UsageKind, id: string, environment?: string) {
  return queryOptions({
    queryKey: ['usage', kind, id, environment ?? null] as const,
    queryFn: ({ client, signal }) => apiRequest<Usage>(client, withEnvironmentIf(`/api/${kind}/${encodeURIComponent(id)}/usage`, environment), { signal }),
  });
}

const withEnvironmentIf = (path: string, environment: string | undefined) => (environment ? withEnvironment(path, environment) : path);

/** Running or paused experiments: a change to what they use changes a test in progress. */
export const liveExperiments = (usage: Usage | undefined): ExperimentUse[] => usage?.experiments.filter((e) => e.live) ?? [];

/** The notification after a save that the API answered with warnings. */
export function warningsText(warnings: readonly ImpactWarning[]): string {
  return warnings.map((w) => w.message).join(' ');
}
