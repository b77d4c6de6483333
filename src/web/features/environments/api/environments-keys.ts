import { environmentsKeys as shared } from '../../../lib/environments';

export const environmentsKeys = {
  ...shared,
  compare: (from: string, to: string, differentOnly: boolean) => ['parameters', 'compare', from, to, differentOnly] as const,
};
