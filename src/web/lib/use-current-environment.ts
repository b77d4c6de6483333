import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { Environment } from '../../shared/contract/environments';
import { environmentsQueryOptions, PRODUCTION_KEY, resolveEnvironment } from './environments';

/** The URL search parameter holding the current environment's key, so links and reloads keep it. */
export const ENVIRONMENT_PARAM = 'env';
/** Where the last choice is remembered, for pages opened without `?env=`. */
export const ENVIRONMENT_STORAGE_KEY = 'switchboard.environment';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(ENVIRONMENT_STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(key: string) {
  try {
    window.localStorage.setItem(ENVIRONMENT_STORAGE_KEY, key);
  } catch {
    // Private mode or storage full: the URL still carries the choice.
  }
}

export interface CurrentEnvironment {
  /** The key every per-environment request sends as `?environment=` and every query key holds. */
  key: string;
  /** Undefined until the list has loaded. */
  environment: Environment | undefined;
  /** Active environments in switcher order. */
  environments: Environment[];
  isProduction: boolean;
  setEnvironment: (key: string) => void;
}

/** The environment the dashboard shows and changes: `?env=` in the URL, else the last choice, else Production. */
export function useCurrentEnvironment(): CurrentEnvironment {
  const [params, setParams] = useSearchParams();
  const list = useQuery(environmentsQueryOptions());
  const requested = params.get(ENVIRONMENT_PARAM) ?? readStored() ?? PRODUCTION_KEY;
  const environment = list.data ? resolveEnvironment(list.data, requested) : undefined;
  const key = environment?.key ?? requested;
  const fromUrl = params.get(ENVIRONMENT_PARAM);

  // A link with ?env= becomes the remembered choice, so the next page without it stays there.
  useEffect(() => {
    if (fromUrl && environment?.key === fromUrl && readStored() !== fromUrl) store(fromUrl);
  }, [fromUrl, environment?.key]);

  const setEnvironment = useCallback(
    (next: string) => {
      store(next);
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set(ENVIRONMENT_PARAM, next);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return {
    key,
    environment,
    environments: list.data?.filter((item) => item.archivedAt === null) ?? [],
    isProduction: (environment?.id ?? key) === PRODUCTION_KEY,
    setEnvironment,
  };
}
