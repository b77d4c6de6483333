import { queryOptions } from '@tanstack/react-query';
import type { ParameterPage } from '../../../../shared/contract/parameters';
import type { TypeSpec } from '../../../../shared/values';
import { apiRequest } from '../../../lib/api-client';

export interface ParameterLook {
  name: string;
  spec: TypeSpec;
}

/**
 * Each active parameter's name and type by key, so a previewed value is drawn as the app shows it.
 * Kept under the parameters' prefix so their changes refresh it.
 */
export function parameterLooksQueryOptions() {
  return queryOptions({
    queryKey: ['parameters', 'preview-looks'] as const,
    queryFn: ({ client, signal }) => apiRequest<ParameterPage>(client, '/api/parameters?limit=500&sort=key', { signal }),
    select: (page) => new Map<string, ParameterLook>(page.items.map((parameter) => [parameter.key, { name: parameter.name, spec: parameter.spec }])),
    staleTime: 30_000,
  });
}
