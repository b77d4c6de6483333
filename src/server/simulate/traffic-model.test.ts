import { describe, expect, it } from 'vitest';
import { OptionsError, parseSimulationArgs } from './simulate-options';
import { planUser, simulatedUser, type EventBehaviour } from './traffic-model';

const END = Date.parse('2026-03-15T12:00:00.000Z');
const DAY = 86_400_000;

function plan(index: number, variant: string, behaviour: Record<string, EventBehaviour>, overrides: { experimentKey?: string; days?: number; start?: number } = {}) {
  return planUser({
    seed: '7',
    experimentKey: overrides.experimentKey ?? 'checkout',
    user: simulatedUser('7', index),
    variant,
    end: END,
    days: overrides.days ?? 14,
    start: overrides.start,
    behaviour: new Map(Object.entries(behaviour)),
    properties: new Map([['purchase', { category: 'shoes' }]]),
  });
}

describe('traffic model', () => {
  it('makes the same users and events for the same seed', () => {
    expect(simulatedUser('7', 42)).toEqual(simulatedUser('7', 42));
    expect(simulatedUser('7', 42)).not.toEqual(simulatedUser('8', 42));
    expect(plan(42, 'b', { purchase: { rate: 0.5, value: 20 } })).toEqual(plan(42, 'b', { purchase: { rate: 0.5, value: 20 } }));
    const platforms = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) platforms.set(simulatedUser('7', i).attributes.platform, (platforms.get(simulatedUser('7', i).attributes.platform) ?? 0) + 1);
    expect(platforms.get('ios')! / 10_000).toBeCloseTo(0.45, 1);
    expect(platforms.get('web')! / 10_000).toBeCloseTo(0.15, 1);
  });

  it('starts the period no earlier than the experiment, with the same conversions in proportion', () => {
    const start = END - 2 * DAY;
    let events = 0;
    let eventsFromStart = 0;
    for (let i = 0; i < 500; i++) {
      const behaviour = { purchase: { rate: 0.6, value: null } };
      const fromStart = plan(i, 'control', behaviour, { days: 10, start });
      for (const e of fromStart) {
        expect(Date.parse(e.timestamp)).toBeGreaterThanOrEqual(start);
        expect(Date.parse(e.timestamp)).toBeLessThanOrEqual(END);
      }
      events += plan(i, 'control', behaviour, { days: 10 }).length;
      eventsFromStart += fromStart.length;
    }
    expect(eventsFromStart).toBe(events);
  });

  it('back-dates the exposure within the period and every event after it, never after the end', () => {
    const days = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const [exposure, ...events] = plan(i, 'control', { purchase: { rate: 0.6, value: null }, add_to_cart: { rate: 0.9, value: null } }, { days: 10 });
      expect(exposure).toMatchObject({ type: 'exposure', event: '$exposure', properties: { experiment: 'checkout', variant: 'control' } });
      const exposed = Date.parse(exposure.timestamp);
      expect(exposed).toBeGreaterThanOrEqual(END - 10 * DAY - 1000);
      expect(exposed).toBeLessThan(END);
      days.add(Math.floor((END - exposed) / DAY));
      for (const e of events) {
        expect(Date.parse(e.timestamp)).toBeGreaterThan(exposed);
        expect(Date.parse(e.timestamp)).toBeLessThanOrEqual(END);
      }
    }
    expect([...days].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('converts at each variant\'s true rate, with values around its mean and the properties metrics filter on', () => {
    const rateOf = (variant: string, rate: number, value: number) => {
      let converted = 0;
      const values: number[] = [];
      for (let i = 0; i < 20_000; i++) {
        const purchases = plan(i, variant, { purchase: { rate, value } }, { days: 30 }).filter((e) => e.event === 'purchase');
        if (purchases.length > 0) converted++;
        purchases.forEach((e) => {
          expect(e.properties).toMatchObject({ category: 'shoes', platform: expect.any(String), country: expect.any(String) });
          values.push(e.value!);
        });
      }
      return { rate: converted / 20_000, mean: values.reduce((a, b) => a + b, 0) / values.length };
    };
    const control = rateOf('control', 0.1, 20);
    const b = rateOf('b', 0.3, 50);
    // A few late exposures have not converted yet by the end: the observed rate is a little lower.
    expect(control.rate).toBeGreaterThan(0.09);
    expect(control.rate).toBeLessThan(0.105);
    expect(b.rate).toBeGreaterThan(0.28);
    expect(b.rate).toBeLessThan(0.305);
    expect(control.mean).toBeGreaterThan(19);
    expect(control.mean).toBeLessThan(21);
    expect(b.mean).toBeGreaterThan(48);
    expect(b.mean).toBeLessThan(52);
  });

  it('gives unique ids of at most 100 characters, stable across reruns', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 500; i++) {
      for (const e of plan(i, 'b', { purchase: { rate: 1, value: null }, [`x${'y'.repeat(90)}`]: { rate: 1, value: null } }, { experimentKey: 'k'.repeat(60) })) {
        expect(e.id.length).toBeLessThanOrEqual(100);
        expect(ids.has(e.id)).toBe(false);
        ids.add(e.id);
      }
    }
  });
});

describe('simulate options', () => {
  it('reads flags, rates per variant or per event, and secrets from the environment', () => {
    const options = parseSimulationArgs(['--experiment', 'checkout', '--users=500', '--days', '7', '--rates', 'control=0.1,purchase:b=0.12', '--values', 'b=22.5', '--skew', 'b=0.1'], { SWITCHBOARD_SDK_KEY: 'sbs_x' });
    expect(options).toMatchObject({ experiment: 'checkout', users: 500, days: 7, sdkKey: 'sbs_x', url: 'http://127.0.0.1:4000', seed: '1', concurrency: 8, batchSize: 500 });
    expect([...options.rates]).toEqual([['control', 0.1], ['purchase:b', 0.12]]);
    expect([...options.values]).toEqual([['b', 22.5]]);
    expect([...options.skew]).toEqual([['b', 0.1]]);
  });

  it('explains what is wrong', () => {
    const fails = (args: string[]) => {
      try {
        parseSimulationArgs(args);
      } catch (error) {
        expect(error).toBeInstanceOf(OptionsError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${args.join(' ')}`);
    };
    expect(fails(['--users', '5'])).toBe('--experiment KEY is required');
    expect(fails(['--experiment', 'x'])).toBe('--users N is required');
    expect(fails(['--experiment', 'x', '--users', '1.5'])).toMatch(/--users must be a whole number/);
    expect(fails(['--experiment', 'x', '--users', '5', '--rates', 'b=2'])).toMatch(/--rates must be a number from 0 to 1/);
    expect(fails(['--experiment', 'x', '--users', '5', '--rates', 'b'])).toMatch(/write variant=value/);
    expect(fails(['--experiment', 'x', '--users', '5', '--nope', '1'])).toBe('Unknown option --nope');
    expect(fails(['--experiment', 'x', '--users'])).toBe('--users needs a value');
  });
});
