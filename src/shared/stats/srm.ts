/**
 * Sample ratio mismatch: chi-square goodness of fit of the observed users per
 * arm against the configured traffic weights (spec: "SRM").
 *
 * A tiny p-value means assignment or tracking is broken (bots, redirects,
 * caching, a lossy event pipeline), which invalidates every metric result.
 */
import { chiSquareSurvival } from './distributions';

/** Below this SRM p-value the dashboard flags the experiment. */
export const SRM_P_THRESHOLD = 0.001;

/**
 * SRM p-value for `users[i]` observed in an arm configured with `weights[i]`.
 *
 * Zero-weight behaviour: we follow the TypeScript back-end (checkSrm in
 * packages/back-end/src/util/stats.ts), the one asserted by the conformance
 * vectors: an arm whose weight is 0 or missing, or whose user count is missing
 * (users shorter than weights), is dropped from everything — the user total,
 * the expected counts and the degrees of freedom. (gbstats' Python check_srm
 * instead keeps such an arm's users in the total and df = len(users) - 1,
 * which turns users [1000,1200,900] / weights [0.5,0.5,0] into p = 2.9e-60
 * instead of 2.0e-5.) Arms with weight > 0 and 0 users are kept: missing
 * traffic is exactly what SRM must catch.
 *
 * Returns 1 (no evidence of mismatch) when fewer than 2 arms remain or there
 * are no users at all.
 */
export function checkSrm(users: readonly number[], weights: readonly number[]): number {
  const arms: { observed: number; weight: number }[] = [];
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    const observed = users[i];
    if (observed === undefined || !(weight > 0)) continue;
    if (!Number.isFinite(observed) || observed < 0 || !Number.isFinite(weight)) {
      throw new RangeError(`invalid SRM input at arm ${i}: users ${observed}, weight ${weight}`);
    }
    arms.push({ observed, weight });
  }
  const totalUsers = arms.reduce((s, a) => s + a.observed, 0);
  const totalWeight = arms.reduce((s, a) => s + a.weight, 0);
  if (arms.length < 2 || totalUsers === 0) return 1;

  let x = 0;
  for (const { observed, weight } of arms) {
    const expected = (weight / totalWeight) * totalUsers;
    x += (observed - expected) ** 2 / expected;
  }
  return chiSquareSurvival(x, arms.length - 1);
}
