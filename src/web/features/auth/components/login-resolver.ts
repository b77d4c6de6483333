import { zodResolver } from '@hookform/resolvers/zod';
import { loginBodySchema } from '../../../../shared/contract/auth';

/** The sign-in form's checks: the contract's login schema (a chunk of its own, with zod). */
export const loginResolver = zodResolver(loginBodySchema);
