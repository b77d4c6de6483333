import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../shared/contract/parameters';
import { compileConfig, evaluateAll } from '../../../shared/evaluation';
import { OfrepResponseCache } from './response-cache';

// The bulk ETag must follow the bytes sent: equal ETags, equal bodies; a body that differs in
// anything (a value, or the metadata alone) gets another ETag, so If-None-Match never hides it.

const at = '2026-11-01T00:00:00.000Z';
const headline: Parameter = {
  id: 'p-headline', environmentId: 'production', key: 'headline', name: 'Headline', description: '', tags: [], spec: { type: 'string' } as Parameter['spec'], defaultValue: 'Hello', killed: false,
  rules: [{ id: 'r1', description: '', audience: { kind: 'everyone' }, value: 'Half', rollout: 50, enabled: true }],
  archivedAt: null, version: 1, createdAt: at, updatedAt: at, updatedBy: null,
};
const config = (version: number, parameters = [headline]) => compileConfig({ version, parameters, segments: [], compiledAt: new Date(at) });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('OFREP bulk answers', () => {
  it('gives a new ETag when only the metadata changes (configVersion 3 -> 4, same values)', () => {
    const cache = new OfrepResponseCache();
    const v3 = config(3);
    const v4 = config(4);
    const before = cache.bulk(v3, evaluateAll(v3, { targetingKey: 'u' }));
    const after = cache.bulk(v4, evaluateAll(v4, { targetingKey: 'u' }));
    expect(JSON.parse(text(after.bytes)).flags).toEqual(JSON.parse(text(before.bytes)).flags);
    expect(JSON.parse(text(after.bytes)).metadata).toEqual({ configVersion: 4 });
    expect(after.etag).not.toBe(before.etag);
  });

  it('gives one ETag to each distinct body, and the same ETag to the same body', () => {
    const cache = new OfrepResponseCache();
    const bodies = new Map<string, string>();
    for (const version of [1, 2]) {
      const compiled = config(version);
      for (let i = 0; i < 50; i++) {
        const answer = cache.bulk(compiled, evaluateAll(compiled, { targetingKey: `user-${i}` }));
        const body = text(answer.bytes);
        expect(bodies.get(answer.etag) ?? body).toBe(body);
        bodies.set(answer.etag, body);
      }
    }
    // Two versions, each with two outcomes of the 50% rollout: four bodies, four ETags.
    expect(new Set(bodies.values()).size).toBe(4);
    expect(bodies.size).toBe(4);
  });

  it('keeps the answers of recent combinations: users alternating between two outcomes reuse the built answers', () => {
    const cache = new OfrepResponseCache();
    const compiled = config(1);
    const answers = new Map<string, ReturnType<OfrepResponseCache['bulk']>>();
    for (let i = 0; i < 50; i++) {
      const answer = cache.bulk(compiled, evaluateAll(compiled, { targetingKey: `user-${i}` }));
      const body = text(answer.bytes);
      // The same body is the very same answer object (not built again), and never another body's.
      expect(answers.get(body) ?? answer).toBe(answer);
      answers.set(body, answer);
    }
    expect(answers.size).toBe(2);
  });
});
