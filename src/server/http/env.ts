import type { Role } from '../../shared/contract/auth';
import type { Services } from '../services';

/** Who is calling: a signed-in user (cookie) or an API token (Authorization: Bearer). */
export type Principal =
  | { kind: 'user'; userId: string; role: Role; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; role: Role; createdBy: string | null };

export interface AppEnv {
  Variables: {
    services: Services;
    principal: Principal | null;
  };
}
