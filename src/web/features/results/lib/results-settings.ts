import type { ResultsCorrection, ResultsEngine } from '../../../../shared/contract/results';
import { resultsCorrections, resultsEngines } from '../../../../shared/contract/results';

/** What the switches above the results choose; kept in the URL so a view can be shared. */
export interface ResultsSettings {
  engine: ResultsEngine;
  correction: ResultsCorrection;
  difference: 'relative' | 'absolute';
  breakdown: string;
  from: string;
  to: string;
}

export const DEFAULT_SETTINGS: ResultsSettings = { engine: 'sequential', correction: 'none', difference: 'relative', breakdown: '', from: '', to: '' };

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

export function settingsFromSearch(search: URLSearchParams): ResultsSettings {
  return {
    engine: pick(search.get('engine'), resultsEngines, DEFAULT_SETTINGS.engine),
    correction: pick(search.get('correction'), resultsCorrections, DEFAULT_SETTINGS.correction),
    difference: pick(search.get('difference'), ['relative', 'absolute'] as const, DEFAULT_SETTINGS.difference),
    breakdown: search.get('breakdown')?.match(/^[A-Za-z0-9_.-]{1,100}$/) ? search.get('breakdown')! : '',
    from: day(search.get('from')),
    to: day(search.get('to')),
  };
}

/** Only what differs from the defaults, so plain links stay plain. */
export function settingsToSearch(settings: ResultsSettings): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(settings)) {
    if (value && value !== DEFAULT_SETTINGS[name as keyof ResultsSettings]) search.set(name, value);
  }
  return search;
}
