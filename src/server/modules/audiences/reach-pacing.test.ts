import { describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '../../../shared/contract/segments';
import { createTestApp } from '../../test/harness';
import { PAUSE_FACTOR, pacedLoop } from './paced-loop';
import { computeReach, membersOf, REACH_MAX_RUNNING, REACH_MAX_WAITING } from './reach-service';
import { ReachGate } from './reach-gate';

/** An app whose store knows `count` users (seen within the window), half of them in CA, each with a `ua` of `uaLength` chars. */
async function appWithUsers(count: number, uaLength = 20) {
  const t = createTestApp();
  const lastSeenAt = t.app.services.clock.now().toISOString();
  const ua = 'ab'.repeat(uaLength / 2);
  await t.app.services.store.knownUsers.upsert('production', 
    Array.from({ length: count }, (_, i) => ({ targetingKey: `user-${i}`, attributes: { country: i % 2 ? 'CA' : 'US', ua }, lastSeenAt })),
  );
  return t;
}

const condition = (c: Record<string, unknown>): SegmentDefinition => ({ kind: 'condition', condition: c }) as SegmentDefinition;
/** A clock that moves 1 ms each time it is read: slices and budgets become a count of reads. */
const countingClock = (step = 1) => {
  let now = 0;
  return () => (now += step);
};

describe('reach runs in slices under a budget', () => {
  it('yields to the event loop while testing a costly pattern over many users', async () => {
    const t = await appWithUsers(2000, 1000);
    const { services } = t.app;
    await services.userSample.get(); // loaded beforehand: only the counting loop runs below
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // The counting clock makes every test "take" 1 ms whatever this machine's speed (a fast one ran the
    // whole pattern in a few real slices): 2,000 tests are then ~660 slices, each ending in a real yield.
    // No budget here (a loaded machine must not turn this into a sampled answer): only the yields are under test.
    const reach = await computeReach(services, services.userSample, condition({ ua: { $regex: '[ab]*b[ab]{60}$' } }), {
      budget: { maxWorkMs: Infinity, maxWallMs: Infinity },
      clock: countingClock(),
    });
    ticking = false;
    expect(reach).toMatchObject({ total: 2000, matched: 2000, exact: true });
    // A one-piece loop would let no tick run.
    expect(ticks).toBeGreaterThan(500);
  });

  it('yields every slice, and after a slice one test overran pauses that many times as long', async () => {
    const yields: number[] = [];
    const pauses: number[] = [];
    const run = (step: number) =>
      pacedLoop(100, () => true, {
        budget: { maxWorkMs: Infinity, maxWallMs: Infinity },
        clock: countingClock(step),
        yieldToLoop: async () => void yields.push(1),
        pause: async (ms) => void pauses.push(ms),
      });
    expect(await run(1)).toEqual({ visited: 100, outOfBudget: false });
    expect(yields.length).toBe(33); // 3 tests per 3 ms slice, none after the last
    expect(pauses).toEqual([]);
    await run(10); // each test alone takes 10 ms
    expect(pauses.length).toBe(99);
    expect(pauses[0]).toBe(10 * PAUSE_FACTOR);
  });

  it('answers from the users tested when the budget runs out, as a sampled estimate with its margin', async () => {
    const t = await appWithUsers(1000);
    const { services } = t.app;
    const reach = await computeReach(services, services.userSample, condition({ country: 'CA' }), {
      budget: { maxWorkMs: 60, maxWallMs: Infinity },
      clock: countingClock(),
      yieldToLoop: async () => {},
    });
    expect(reach).toMatchObject({ total: 1000, exact: false, sampleSize: 60 });
    expect(reach.margin).toBeGreaterThan(0);
    expect(reach.matched).toBe(Math.round(reach.share * 1000));
    // The users tested are a shuffled prefix (a uniform sample), not the first 60 stored.
    const wall = await computeReach(services, services.userSample, condition({ country: 'CA' }), {
      budget: { maxWorkMs: Infinity, maxWallMs: 30 },
      clock: countingClock(),
      yieldToLoop: async () => {},
    });
    expect(wall).toMatchObject({ exact: false });
    expect(wall.sampleSize).toBeLessThan(1000);

    const members = await membersOf(services, services.userSample, condition({ country: 'CA' }), 200, {
      budget: { maxWorkMs: 30, maxWallMs: Infinity },
      clock: countingClock(),
    });
    expect(members.length).toBeGreaterThan(0);
    expect(members.length).toBeLessThan(30);
    expect(members.every((u) => u.attributes.country === 'CA')).toBe(true);
  });

  it('gives a margin that is not zero when a budget stops after a few users who all miss', async () => {
    const t = await appWithUsers(1000);
    const { services } = t.app;
    const reach = await computeReach(services, services.userSample, condition({ country: 'JP' }), {
      budget: { maxWorkMs: 3, maxWallMs: Infinity },
      clock: countingClock(),
    });
    expect(reach).toMatchObject({ matched: 0, exact: false, sampleSize: 3 });
    expect(reach.margin).toBe(280); // 3 users say little: the 95% interval spans 0-56% (the normal one would be 0-0)
  });

  it('never pauses past the deadline', async () => {
    const pauses: number[] = [];
    const result = await pacedLoop(100, () => true, { budget: { maxWorkMs: Infinity, maxWallMs: 100 }, clock: countingClock(10), pause: async (ms) => void pauses.push(ms) });
    expect(result.outOfBudget).toBe(true);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(100);
  });

  it('stops at the next slice once the caller has gone', async () => {
    const controller = new AbortController();
    const result = await pacedLoop(100, (i) => (i === 10 && controller.abort(), true), { budget: { maxWorkMs: Infinity, maxWallMs: Infinity }, clock: countingClock(), signal: controller.signal });
    expect(result).toEqual({ visited: 12, outOfBudget: true });
  });

  it('counts exactly within the default budget', async () => {
    const t = await appWithUsers(1000);
    const reach = await computeReach(t.app.services, t.app.services.userSample, condition({ country: 'CA' }));
    expect(reach).toMatchObject({ total: 1000, matched: 500, exact: true, margin: 0, sampleSize: 1000 });
  });
});

describe('reach concurrency', () => {
  it('runs at most `running` at once, queues `waiting`, refuses the rest with 429 and Retry-After', async () => {
    const gate = new ReachGate(2, 1, 5);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const job = (id: number) => () => new Promise<number>((resolve) => (started.push(id), releases.push(() => resolve(id))));
    const first = gate.run(job(1));
    const second = gate.run(job(2));
    const third = gate.run(job(3));
    await expect(gate.run(job(4))).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '5' } });
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    releases[0]();
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    releases[1]();
    releases[2]();
    expect(await Promise.all([second, third])).toEqual([2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('answers POST /api/segments/reach with a 429 problem while the server is full, and counts again after', async () => {
    const t = await appWithUsers(10);
    const admin = await t.setupAdmin();
    const gate = t.app.services.userSample.gate;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const occupying = Array.from({ length: REACH_MAX_RUNNING + REACH_MAX_WAITING }, () => gate.run(() => held));
    const body = { definition: condition({ country: 'CA' }) };
    const refused = await t.call('POST', '/api/segments/reach', body, admin);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    release();
    await Promise.all(occupying);
    expect((await t.call('POST', '/api/segments/reach', body, admin)).json).toMatchObject({ matched: 5, total: 10, exact: true });
  });
});
