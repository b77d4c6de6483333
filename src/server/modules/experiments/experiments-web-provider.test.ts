// @vitest-environment jsdom
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';
import { OpenFeature } from '@openfeature/web-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experiment } from '../../../shared/contract/experiments';
import { startLiveServer } from '../../test/live-server';

// The official web provider against the running server while an experiment runs: a test user
// gets the forced variant, everyone else a stable one, and promotion reaches every user.
let live: Awaited<ReturnType<typeof startLiveServer>>;
let clientKey: string;
let experimentId: string;

beforeAll(async () => {
  live = await startLiveServer();
  await live.call('POST', '/api/parameters', { key: 'cta-color', name: 'CTA colour', spec: { type: 'color' }, defaultValue: '#1c7ed6' }, live.admin);
  await live.call('POST', '/api/parameters', { key: 'cta-text', name: 'CTA text', spec: { type: 'string' }, defaultValue: 'Buy' }, live.admin);
  clientKey = (await live.sdkKey('client')).secret;
  const created = await live.call<Experiment>('POST', '/api/experiments', {
    key: 'cta', name: 'CTA test',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Bold', weight: 50, overrides: { 'cta-color': '#e03131', 'cta-text': 'Buy now' } },
    ],
    testUsers: [{ targetingKey: 'qa-device', variant: 'b' }],
  }, live.admin);
  experimentId = created.json.id;
  await live.call('POST', `/api/experiments/${experimentId}/transitions`, { action: 'start', expectedVersion: created.json.version }, live.admin);
});
afterAll(async () => {
  await OpenFeature.close();
  await live.close();
});

async function readAs(targetingKey: string) {
  await OpenFeature.setContext({ targetingKey });
  if (!OpenFeature.getProviderMetadata().name.includes('OFREP')) {
    await OpenFeature.setProviderAndWait(
      new OFREPWebProvider({ baseUrl: live.baseUrl, headers: [['Authorization', `Bearer ${clientKey}`]], cacheMode: 'disabled', changeDetection: 'none' }),
    );
  }
  const client = OpenFeature.getClient();
  return { color: client.getStringDetails('cta-color', 'fallback'), text: client.getStringDetails('cta-text', 'fallback') };
}

describe('@openfeature/ofrep-web-provider with a running experiment', () => {
  it('returns the forced variant to the test user', async () => {
    const { color, text } = await readAs('qa-device');
    expect(color).toMatchObject({ value: '#e03131', variant: 'b', reason: 'TARGETING_MATCH' });
    expect(text.value).toBe('Buy now');
  });

  it('returns a stable variant to other users', async () => {
    const first = new Map<string, string>();
    for (let i = 0; i < 20; i++) {
      const { color, text } = await readAs(`device-${i}`);
      expect(color.reason).toBe('SPLIT');
      expect(text.variant).toBe(color.variant);
      first.set(`device-${i}`, color.variant!);
    }
    expect(new Set(first.values())).toEqual(new Set(['control', 'b']));
    for (let i = 0; i < 20; i++) expect((await readAs(`device-${i}`)).color.variant).toBe(first.get(`device-${i}`));
  });

  it('serves the promoted winner to every user once the experiment is promoted', async () => {
    const current = (await live.call('GET', `/api/experiments/${experimentId}`, undefined, live.admin)).json;
    const promoted = await live.call('POST', `/api/experiments/${experimentId}/promote`, { variant: 'b', audience: { kind: 'everyone' }, expectedVersion: current.version, dryRun: false, confirmRisk: 'promote b anyway' }, live.admin); // 40 devices prove no win
    expect(promoted.status, JSON.stringify(promoted.json)).toBe(200);
    for (const device of ['device-0', 'device-1', 'device-2', 'qa-device']) {
      const { color, text } = await readAs(device);
      expect(color).toMatchObject({ value: '#e03131', reason: 'TARGETING_MATCH' });
      expect(text.value).toBe('Buy now');
    }
  });
});
