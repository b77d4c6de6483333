import { createContext, use } from 'react';
import type { SessionInfo } from '../../../../shared/contract/auth';

/**
 * The signed-in session for the pages behind the router's session guard, which provides it
 * only while a session exists. Read through context rather than the query directly, so a
 * page never renders with a session that has just been cleared (sign out, 401).
 */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession is only available below the session guard (signed-in pages)');
  return session;
}
