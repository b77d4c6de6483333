import { describe, expect, it } from 'vitest';
import type { CreatedSdkKey } from '../../../shared/contract/sdk-keys';
import { createTestApp, type OfrepFlag } from '../../test/harness';

/** An OFREP bulk answer: every flag, and the configuration version it was evaluated at. */
interface OfrepBulk {
  flags: OfrepFlag[];
  metadata: { configVersion: number };
}

// Over HTTP: an If-None-Match from before a change that touches only the bulk metadata (a new
// configVersion, every value the same) gets 200 and the new body, not a 304 keeping the old one.

describe('OFREP bulk ETag', () => {
  it('answers 200 with the new metadata to the old ETag after a change that leaves every value alone', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    await t.call('POST', '/api/parameters', { key: 'headline', name: 'Headline', spec: { type: 'string' }, defaultValue: 'Hello' }, admin);
    const sdk = { bearer: (await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: 'web', kind: 'client' }, admin)).json.secret };
    const bulk = (headers: Record<string, string> = {}) => t.call<OfrepBulk>('POST', '/ofrep/v1/evaluate/flags', { context: { targetingKey: 'user-1' } }, sdk, headers);

    const before = await bulk();
    const etag = before.headers.get('etag')!;
    expect((await bulk({ 'if-none-match': etag })).status).toBe(304);
    // A segment nothing uses: the configuration version moves, no value does.
    expect((await t.call('POST', '/api/segments', { name: 'Pro', definition: { kind: 'condition', condition: { plan: 'pro' } } }, admin)).status).toBe(201);

    const after = await bulk({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.json.flags).toEqual(before.json.flags);
    expect(after.json.metadata.configVersion).toBeGreaterThan(before.json.metadata.configVersion);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await bulk({ 'if-none-match': after.headers.get('etag')! })).status).toBe(304);
  });
});
