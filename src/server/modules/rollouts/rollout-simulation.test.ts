/**
 * The decision engine's error rates over simulated rollouts through the default steps (10, 25,
 * 50, 100%), checked every 5 simulated minutes: users arrive, are hashed to a side by the step's
 * share, convert at 10% (guardrail 1) and spend an exponential order value (guardrail 2, revenue
 * per user). As the monitor does, each step compares only the users first exposed during it.
 * Seeded, so the figures are the same on every run; print them with
 *   npx vitest run src/server/modules/rollouts/rollout-simulation.test.ts
 * The bounds are generous: an engine that never rolls back fails the harm case, one that always
 * does fails the A/A case.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/seeded-random';
import { type RolloutOutcome, type RolloutScenario, simulateRollout } from './rollout-decision-simulator';

const BASE = { conversionRate: 0.1, meanOrderValue: 40 } as const;

interface Tally {
  runs: number;
  rolledBack: number;
  rolledBackBefore50: number;
  forHarm: number;
  forSrm: number;
  completed: number;
}

function run(count: number, scenario: (i: number) => RolloutScenario): Tally {
  const tally: Tally = { runs: count, rolledBack: 0, rolledBackBefore50: 0, forHarm: 0, forSrm: 0, completed: 0 };
  for (let i = 0; i < count; i++) {
    const outcome: RolloutOutcome = simulateRollout(scenario(i));
    if (outcome.outcome === 'completed') tally.completed++;
    if (outcome.outcome !== 'rolled_back') continue;
    tally.rolledBack++;
    // Steps 1 and 2 are 10% and 25%: rolled back before the 50% step was reached.
    if (outcome.stepIndex <= 1) tally.rolledBackBefore50++;
    if (outcome.cause === 'harm') tally.forHarm++;
    else tally.forSrm++;
  }
  return tally;
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

describe('guarded rollout simulation', () => {
  it('2,000 A/A rollouts from 300 to 50,000 users an hour: at most 5% rolled back', () => {
    const traffic = seededRandom(7);
    // Log-uniform traffic: as many small apps as large ones.
    const usersPerHour = Array.from({ length: 2_000 }, () => Math.round(300 * (50_000 / 300) ** traffic()));
    const tally = run(2_000, (i) => ({ ...BASE, seed: 10_000 + i, usersPerHour: usersPerHour[i], newConversionFactor: 1 }));
    console.log(
      `A/A: ${tally.runs} rollouts, ${percent(tally.rolledBack, tally.runs)} rolled back (${tally.forHarm} for harm, ${tally.forSrm} for SRM), ${percent(tally.completed, tally.runs)} completed`,
    );
    expect(tally.rolledBack / tally.runs).toBeLessThanOrEqual(0.05);
    expect(tally.completed + tally.rolledBack).toBe(tally.runs);
  });

  // Printed, not asserted: high traffic is the hardest case for A/A, as every step's comparison
  // then runs long enough to use up its own share of the error rate.
  it('prints the A/A rate at 50,000 users an hour', () => {
    const tally = run(400, (i) => ({ ...BASE, seed: 50_000 + i, usersPerHour: 50_000, newConversionFactor: 1 }));
    console.log(`A/A at 50,000 users/hour: ${tally.runs} rollouts, ${percent(tally.rolledBack, tally.runs)} rolled back (${tally.forHarm} for harm, ${tally.forSrm} for SRM)`);
    expect(tally.completed + tally.rolledBack).toBe(tally.runs);
  });

  // A 10% drop in a 10% conversion is a small signal: a fixed-horizon test would need about 7,000
  // users on the new side for 80% power, and the first two steps reach that at this traffic.
  it('500 rollouts with a true 10% drop in conversion at 80,000 users an hour: at least 80% rolled back before 50%', () => {
    const tally = run(500, (i) => ({ ...BASE, seed: 20_000 + i, usersPerHour: 80_000, newConversionFactor: 0.9 }));
    console.log(
      `10% harm at 80,000 users/hour: ${tally.runs} rollouts, ${percent(tally.rolledBackBefore50, tally.runs)} rolled back before 50%, ${percent(tally.rolledBack, tally.runs)} in all`,
    );
    expect(tally.rolledBackBefore50 / tally.runs).toBeGreaterThanOrEqual(0.8);
  });

  // Printed, not asserted: how much traffic the 10% drop needs to be caught before 50%.
  it('prints how often the 10% drop is caught before 50% at lower traffic', () => {
    for (const usersPerHour of [5_000, 20_000, 50_000]) {
      const tally = run(200, (i) => ({ ...BASE, seed: 30_000 + i, usersPerHour, newConversionFactor: 0.9 }));
      console.log(
        `10% harm at ${usersPerHour.toLocaleString('en-US')} users/hour: ${tally.runs} rollouts, ${percent(tally.rolledBackBefore50, tally.runs)} rolled back before 50%, ${percent(tally.rolledBack, tally.runs)} in all`,
      );
      expect(tally.rolledBack).toBeGreaterThan(0);
    }
  });

  it("300 rollouts losing 20% of the new side's exposures at 5,000 users an hour: most rolled back for SRM", () => {
    const tally = run(300, (i) => ({ ...BASE, seed: 40_000 + i, usersPerHour: 5_000, newConversionFactor: 1, newExposureLoss: 0.2 }));
    console.log(`20% of new exposures lost at 5,000 users/hour: ${tally.runs} rollouts, ${percent(tally.forSrm, tally.runs)} rolled back for SRM`);
    expect(tally.forSrm / tally.runs).toBeGreaterThanOrEqual(0.5);
  });
});
