import { queryOptions } from '@tanstack/react-query';
import type { ExperimentUse, ImpactWarning, Usage } from '../../../shared/contract/usage';
import { apiRequest } from '../../lib/api-client';

export type UsageKind = 'parameters' | 'segments' | 'metrics';

/** Where a parameter, segment or metric is used; refetched on every save that could change it. */
export function usageQueryOptions(kind: UsageKind, id: string) {
  return queryOptions({
    queryKey: ['usage', kind, id] as const,
    queryFn: ({ client, signal }) => apiRequest<Usage>(client, `/api/${kind}/${encodeURIComponent(id)}/usage`, { signal }),
  });
}

/** Running or paused experiments: a change to what they use changes a test in progress. */
export const liveExperiments = (usage: Usage | undefined): ExperimentUse[] => usage?.experiments.filter((e) => e.live) ?? [];

/** The notification after a save that the API answered with warnings. */
export function warningsText(warnings: readonly ImpactWarning[]): string {
  return warnings.map((w) => w.message).join(' ');
}
