import { sessionQueryKey } from '../../../lib/session-cache';

export const authKeys = {
  all: ['auth'] as const,
  session: sessionQueryKey,
  setupStatus: ['auth', 'setup-status'] as const,
};
