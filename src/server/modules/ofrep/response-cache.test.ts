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

describe('OFREP bulk answers built from the first one', () => {
  // Twelve parameters: half fixed for everyone, half split 50/50 by their own rollout rule, so users
  // differ from the first answer (the template) in anything from none to six places.
  const parameters: Parameter[] = Array.from({ length: 12 }, (_, i) => ({
    ...headline,
    id: `p-${i}`,
    key: `param-${String(i).padStart(2, '0')}`,
    defaultValue: `Default ${i} é`,
    rules: i % 2 ? [{ id: `r${i}`, description: '', audience: { kind: 'everyone' }, value: `Rolled out ${i} ${'x'.repeat(i)}`, rollout: 50, enabled: true }] : [],
  }));

  it('gives each user the body a full build gives, and the same ETag for the same body', () => {
    const compiled = config(7, parameters);
    const cache = new OfrepResponseCache();
    const etags = new Map<string, string>();
    for (let i = 0; i < 1000; i++) {
      const results = evaluateAll(compiled, { targetingKey: `user-${i}` });
      const answer = cache.bulk(compiled, results);
      const expected = { flags: results.map((r) => ({ key: r.key, value: r.value, reason: r.reason, variant: r.variant, metadata: r.metadata })), metadata: { configVersion: 7 } };
      expect(JSON.parse(text(answer.bytes))).toEqual(expected);
      expect(answer.bytes.byteLength).toBe(new TextEncoder().encode(JSON.stringify(expected)).byteLength);
      const body = text(answer.bytes);
      expect(etags.get(body) ?? answer.etag).toBe(answer.etag);
      etags.set(body, answer.etag);
    }
    // 2^6 combinations, each with its own ETag.
    expect(etags.size).toBe(64);
    expect(new Set(etags.values()).size).toBe(64);
  });

  it('gives the same ETag to the same body in another process (a fresh cache, another first user)', () => {
    const compiled = config(7, parameters);
    const first = new OfrepResponseCache();
    const second = new OfrepResponseCache();
    second.bulk(compiled, evaluateAll(compiled, { targetingKey: 'someone-else-first' }));
    for (let i = 0; i < 50; i++) {
      const results = evaluateAll(compiled, { targetingKey: `user-${i}` });
      expect(second.bulk(compiled, results).etag).toBe(first.bulk(compiled, results).etag);
    }
  });
});
