import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ExperimentResults } from '../../../../shared/contract/results';
import { apiRequest } from '../../../lib/api-client';
import { DEFAULT_SETTINGS, type ResultsSettings } from '../lib/results-settings';
import { resultsKeys } from './results-keys';

/** Results of one experiment; new data is picked up every minute while the page is open. */
export function resultsQueryOptions(id: string, settings: Omit<ResultsSettings, 'difference'> = DEFAULT_SETTINGS) {
  const params = new URLSearchParams({ engine: settings.engine, correction: settings.correction });
  if (settings.breakdown) params.set('breakdown', settings.breakdown);
  if (settings.from) params.set('from', settings.from);
  if (settings.to) params.set('to', settings.to);
  return queryOptions({
    queryKey: resultsKeys.detail(id, { engine: settings.engine, correction: settings.correction, breakdown: settings.breakdown, from: settings.from, to: settings.to }),
    queryFn: ({ client, signal }) => apiRequest<ExperimentResults>(client, `/api/experiments/${encodeURIComponent(id)}/results?${params.toString()}`, { signal }),
    // Switching engine or range keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
