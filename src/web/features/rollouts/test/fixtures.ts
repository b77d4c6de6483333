import type { Rollout } from '../../../../shared/contract/rollouts';

/** A running rollout at step 2 of 4 (25%), 40 minutes in, with 312 users seen and one harmful guardrail. */
export function testRollout(overrides: Partial<Rollout> = {}): Rollout {
  const stepStartedAt = new Date(Date.now() - 40 * 60_000 - 5_000).toISOString();
  return {
    id: 'rollout-1',
    environmentId: 'production',
    name: 'New paywall title',
    status: 'running',
    source: { kind: 'change' },
    audience: { kind: 'everyone' },
    changes: [{ parameterKey: 'paywall.title', parameterName: 'Paywall title', before: 'Go Pro', after: 'Unlock everything' }],
    steps: [
      { percent: 10, minMinutes: 60, minUsers: 1000 },
      { percent: 25, minMinutes: 60, minUsers: 1000 },
      { percent: 50, minMinutes: 60, minUsers: 1000 },
      { percent: 100, minMinutes: 0, minUsers: 0 },
    ],
    stepIndex: 1,
    stepStartedAt,
    guardrails: ['metric-purchases'],
    rules: { harmAlpha: 0.05, rollBackOnSrm: true, checkEveryMinutes: 5 },
    experimentId: 'exp-hidden',
    lastCheck: {
      at: '2026-12-03T10:40:00.000Z',
      stepIndex: 1,
      stepUsers: { old: 200, new: 112 },
      srmPValue: 0.4,
      guardrails: [
        { metricId: 'metric-purchases', metricName: 'Purchases', higherIsBetter: true, oldUsers: 2400, newUsers: 800, oldMean: 0.2, newMean: 0.12, lift: -0.4, interval: [-0.55, -0.22], harmful: true },
        { metricId: 'metric-refunds', metricName: 'Refunds', higherIsBetter: false, oldUsers: 2400, newUsers: 800, oldMean: 0.02, newMean: 0.021, lift: 0.05, interval: [-0.3, 0.4], harmful: false },
      ],
      decision: 'hold',
      summary: 'Step 2 held: 312 of 1,000 users needed',
    },
    nextCheckAt: '2026-12-03T10:45:00.000Z',
    log: [
      { at: '2026-12-03T09:00:00.000Z', kind: 'started', stepIndex: 0, message: 'Started at 10% for everyone', by: 'Ada Admin' },
      { at: '2026-12-03T10:00:00.000Z', kind: 'advanced', stepIndex: 1, message: 'Step 1 done: 1,204 users, no guardrail harmed; now 25%', by: null },
      { at: '2026-12-03T10:40:00.000Z', kind: 'held', stepIndex: 1, message: 'Step 2 held: 312 of 1,000 users needed', by: null },
    ],
    version: 3,
    createdAt: '2026-12-03T09:00:00.000Z',
    createdBy: 'user-admin',
    updatedAt: '2026-12-03T10:40:00.000Z',
    endedAt: null,
    ...overrides,
  };
}
