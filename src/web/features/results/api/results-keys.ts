import type { ResultsSettings } from '../lib/results-settings';

export const resultsKeys = {
  all: ['results'] as const,
  experiment: (id: string) => [...resultsKeys.all, id] as const,
  detail: (id: string, settings: Omit<ResultsSettings, 'difference'>) => [...resultsKeys.experiment(id), settings] as const,
};
