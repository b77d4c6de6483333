import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/contract/audit';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import type { Rollout } from '../../../shared/contract/rollouts';
import { closeStoresUnderTest, replicaStoresUnderTest } from '../../store/sql/test-database';
import { createTestApp } from '../../test/harness';
import { runRolloutChecks } from './rollout-monitor';

// Two replicas run the rollout monitor at the same moment, at every step of a ten-step rollout
// whose steps need no time and no users: each check is applied once (one step forward per round,
// one audit entry each). On PGlite the two apps share the one database, as the other replica
// tests do; on PostgreSQL (TEST_DATABASE_URL) each app has its own connection pool to it.

const MINUTE = 60_000;

const databases = replicaStoresUnderTest();
afterAll(closeStoresUnderTest);

describe.each(databases)('rollout monitor with two replicas: %s', { timeout: 180_000 }, (_name, open) => {
  it('applies each check once though both monitors run at once', async () => {
    const [storeA, storeB] = await open();
    const a = createTestApp({ store: storeA });
    const b = createTestApp({ store: storeB });
    const admin = await a.setupAdmin();
    await a.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin);
    const metric = (await a.call<Metric>('POST', '/api/metrics', { key: 'errors', name: 'Errors', kind: 'conversion', event: 'app_error', direction: 'lower' }, admin)).json;
    const steps = Array.from({ length: 10 }, (_, i) => ({ percent: (i + 1) * 10, minMinutes: 0, minUsers: 0 }));
    const created = await a.call<Rollout>('POST', '/api/rollouts?environment=production', {
      name: 'New headline', audience: { kind: 'everyone' }, changes: [{ parameterKey: 'headline', value: 'Hi' }], guardrails: [metric.id], steps,
    }, admin);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id;

    for (let round = 1; round <= steps.length; round++) {
      // Both replicas' clocks agree (each harness clock moves alike); the check is due on both.
      a.clock.advance(5 * MINUTE);
      b.clock.advance(5 * MINUTE);
      const [first, second] = await Promise.all([runRolloutChecks(a.app.services), runRolloutChecks(b.app.services)]);
      const decisions = [...first.checked, ...second.checked].map((c) => c.decision);
      expect(decisions).toEqual([round < steps.length ? 'advance' : 'complete']);
      const rollout: Rollout = (await b.call<Rollout>('GET', `/api/rollouts/${id}`, undefined, admin)).json;
      expect(rollout.stepIndex).toBe(Math.min(round, steps.length - 1));
    }

    const rollout: Rollout = (await b.call<Rollout>('GET', `/api/rollouts/${id}`, undefined, admin)).json;
    expect(rollout.status).toBe('completed');
    expect(rollout.log.map((e) => e.kind)).toEqual(['started', ...Array(9).fill('advanced'), 'completed']);
    const audit = (await b.call<AuditPage>('GET', '/api/audit?objectType=rollout&limit=200', undefined, admin)).json.items.map((e: { action: string }) => e.action);
    expect(audit.filter((action: string) => action === 'rollout.advanced')).toHaveLength(9);
    expect(audit.filter((action: string) => action === 'rollout.completed')).toHaveLength(1);
    const hidden = (await b.call<Experiment>('GET', `/api/experiments/${rollout.experimentId}`, undefined, admin)).json;
    expect(hidden.status).toBe('completed');
  });
});
