import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { resultsApi } from '../../../../shared/contract/endpoints/results';
import { callEndpoint } from '../../../lib/call-endpoint';
import { DEFAULT_SETTINGS, type ResultsSettings } from '../lib/results-settings';
import { resultsKeys } from './results-keys';

/** Results of one experiment; new data is picked up every minute while the page is open. */
export function resultsQueryOptions(id: string, settings: Omit<ResultsSettings, 'difference'> = DEFAULT_SETTINGS) {
  return queryOptions({
    queryKey: resultsKeys.detail(id, { engine: settings.engine, correction: settings.correction, breakdown: settings.breakdown, from: settings.from, to: settings.to }),
    queryFn: ({ client, signal }) => callEndpoint(client, resultsApi.get, {
        params: { id },
        query: { engine: settings.engine, correction: settings.correction, breakdown: settings.breakdown || undefined, from: settings.from || undefined, to: settings.to || undefined },
        signal,
      }),
    // Switching engine or range keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
