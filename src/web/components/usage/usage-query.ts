import { queryOptions } from '@tanstack/react-query';
import { metricsApi } from '../../../shared/contract/endpoints/metrics';
import { parametersApi } from '../../../shared/contract/endpoints/parameters';
import { segmentsApi } from '../../../shared/contract/endpoints/segments';
import type { ExperimentUse, ImpactWarning, Usage } from '../../../shared/contract/usage';
import { callEndpoint } from '../../lib/call-endpoint';

export type UsageKind = 'parameters' | 'segments' | 'metrics';

/**
 * Where a parameter, segment or metric is used; refetched on every save that could change it. A
 * parameter's rules and experiments are per environment, so its usage is read in `environment`
 * (segments and metrics are shared: their usage takes no environment).
 */
export function usageQueryOptions(kind: UsageKind, id: string, environment?: string) {
  return queryOptions({
    queryKey: ['usage', kind, id, environment ?? null] as const,
    queryFn: ({ client, signal }): Promise<Usage> => {
      switch (kind) {
        case 'parameters':
          return callEndpoint(client, parametersApi.usage, { params: { id }, query: { environment }, signal });
        case 'segments':
          return callEndpoint(client, segmentsApi.usage, { params: { id }, signal });
        case 'metrics':
          return callEndpoint(client, metricsApi.usage, { params: { id }, signal });
      }
    },
  });
}

/** Running or paused experiments: a change to what they use changes a test in progress. */
export const liveExperiments = (usage: Usage | undefined): ExperimentUse[] => usage?.experiments.filter((e) => e.live) ?? [];

/** The notification after a save that the API answered with warnings. */
export function warningsText(warnings: readonly ImpactWarning[]): string {
  return warnings.map((w) => w.message).join(' ');
}
