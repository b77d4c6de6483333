import { sha256Hex } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';

/** Attempts one email may make from one client address per window. */
export const LOGIN_MAX_ATTEMPTS = 10;
/**
 * Attempts on one email from all addresses per window before each address is held to one try.
 * Stops a crowd of addresses from guessing 10 times each; it locks no one out, since an address
 * with no attempt on this email in the window still gets its try (see checkLoginAllowed).
 */
export const LOGIN_EMAIL_CEILING = 100;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

const keyOf = (parts: string) => sha256Hex(`login:${parts}`);
// Expired windows are deleted at most this often, on a sign-in, so the table stays small.
const PRUNE_INTERVAL_MS = 60 * 1000;
const lastPruned = new WeakMap<Services, number>();

/**
 * Counts this attempt BEFORE the password is checked, with one atomic increment per key in the
 * store: concurrent guesses each get their own count, so exactly LOGIN_MAX_ATTEMPTS of them reach
 * the password hash. The count is per email AND client address: failures from one address do not
 * lock the account for anyone else. Returns the key to clear when the password turns out right.
 */
export async function countLoginAttempt(services: Services, email: string, clientAddress: string): Promise<{ clearOnSuccess: string }> {
  const now = services.clock.now();
  const at = now.toISOString();
  const [pairKey, emailKey] = await Promise.all([keyOf(`${email}\n${clientAddress}`), keyOf(email)]);
  const { loginAttempts } = services.store;
  const [fromHere, everywhere] = await Promise.all([
    loginAttempts.hit(pairKey, at, LOGIN_WINDOW_MS),
    loginAttempts.hit(emailKey, at, LOGIN_WINDOW_MS),
  ]);
  pruneNowAndThen(services, now);
  const windowEnd = (window: { windowStartedAt: string }) => Date.parse(window.windowStartedAt) + LOGIN_WINDOW_MS;
  let refusedUntil: number | null = null;
  if (fromHere.count > LOGIN_MAX_ATTEMPTS) refusedUntil = windowEnd(fromHere);
  // Over the ceiling an address keeps its first try on this email (a person who has not typed a
  // wrong password yet); it waits until its own window or the email's ends, whichever is first.
  else if (everywhere.count > LOGIN_EMAIL_CEILING && fromHere.count > 1) refusedUntil = Math.min(windowEnd(fromHere), windowEnd(everywhere));
  if (refusedUntil !== null) {
    const retryAfter = Math.max(1, Math.ceil((refusedUntil - now.getTime()) / 1000));
    throw new AppError(429, 'Too many attempts', `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, undefined, {
      'retry-after': String(retryAfter),
    });
  }
  return { clearOnSuccess: pairKey };
}

function pruneNowAndThen(services: Services, now: Date) {
  if (now.getTime() - (lastPruned.get(services) ?? 0) < PRUNE_INTERVAL_MS) return;
  lastPruned.set(services, now.getTime());
  const before = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  services.store.loginAttempts.deleteStartedBefore(before).catch((error) => services.log('Pruning login attempts failed', error));
}
