import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { readSettings } from '../../node/settings';
import { MemoryStore } from '../../store/memory/memory-store';
import { runDueExperiments } from '../experiments/experiment-scheduler';

// EVENTS_RETENTION_DAYS from the environment to the scheduler's run.

describe('EVENTS_RETENTION_DAYS', () => {
  it('keeps everything when unset, takes whole days, and refuses anything else', () => {
    expect(readSettings({}).eventsRetentionDays).toBeNull();
    expect(readSettings({ EVENTS_RETENTION_DAYS: '' }).eventsRetentionDays).toBeNull();
    expect(readSettings({ EVENTS_RETENTION_DAYS: '400' }).eventsRetentionDays).toBe(400);
    for (const bad of ['0', '-3', '1.5', 'forever']) expect(() => readSettings({ EVENTS_RETENTION_DAYS: bad })).toThrow(/EVENTS_RETENTION_DAYS/);
  });

  it('is applied by the scheduler run, on its clock', async () => {
    let now = new Date('2031-03-10T12:00:00Z');
    const store = new MemoryStore();
    const app = createApp({ store, clock: { now: () => now }, config: { eventsRetentionDays: 2 } });
    const event = (id: string, timestamp: string) => ({ id, type: 'track' as const, targetingKey: 'u1', event: 'buy', value: null, timestamp, properties: null, receivedAt: timestamp });
    await store.events.insertBatch([event('a', '2031-03-07T00:00:00.000Z'), event('b', '2031-03-09T00:00:00.000Z')]);
    await runDueExperiments(app.services);
    expect((await store.events.catalog())[0].count).toBe(1);
    now = new Date('2031-03-12T00:00:00Z');
    await runDueExperiments(app.services);
    expect(await store.events.catalog()).toEqual([]);
  });
});
