/**
 * Differential tests: our implementation against the installed @growthbook/growthbook
 * (the reference, per the spec) on generated inputs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evalCondition as sdkEvalCondition, paddedVersionString as sdkPadded } from '@growthbook/growthbook';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Condition,
  type Namespace,
  type SavedGroups,
  type VariationRange,
  chooseVariation,
  compileCondition,
  evalCondition,
  getBucketRanges,
  getEqualWeights,
  hash,
  inNamespace,
  paddedVersionString,
} from './index';
import { Random } from './testing/random';
import { ConditionGenerator, DOC_OPERATORS, VALUE_OPERATORS } from './testing/random-conditions';

interface SdkUtil {
  hash(seed: string, value: unknown, version: unknown): number | null;
  getBucketRanges(n: number, coverage: number | undefined, weights?: number[] | null): VariationRange[];
  chooseVariation(n: number, ranges: VariationRange[]): number;
  inNamespace(hashValue: string, namespace: Namespace): boolean;
  getEqualWeights(n: number): number[];
}

// The package exports evalCondition and paddedVersionString but not its hashing and
// bucketing helpers; load them from the package's own ESM build.
const require = createRequire(import.meta.url);
const utilPath = join(dirname(require.resolve('@growthbook/growthbook')), '..', 'esm', 'util.mjs');
const sdk = (await import(/* @vite-ignore */ pathToFileURL(utilPath).href)) as SdkUtil;

/** The SDK's answer; where it throws, ours is specified to be false. */
function reference(attributes: unknown, condition: unknown, groups: unknown): boolean {
  try {
    return sdkEvalCondition(attributes as Record<string, never>, condition as never, groups as never);
  } catch {
    return false;
  }
}

/** JSON that keeps undefined, NaN and -0 visible, for failure messages. */
function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x === undefined) return '<undefined>';
    if (typeof x === 'number' && !Number.isFinite(x)) return `<${x}>`;
    if (Object.is(x, -0)) return '<-0>';
    return x;
  });
}

// The SDK logs unknown operators and bad weights; that noise is expected here.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterAll(() => vi.restoreAllMocks());

const CONDITION_SEEDS = [1, 2, 3, 4];
const CONDITIONS_PER_SEED = 3000;
const ATTRIBUTE_SETS_PER_CONDITION = 2;

describe('evalCondition / compileCondition vs @growthbook/growthbook', () => {
  const totals = { pairs: 0, passed: 0, sdkThrew: 0 };
  const opCounts = new Map<string, number>();

  it.each(CONDITION_SEEDS)('seed %i: agrees on every generated pair', (seed) => {
    const r = new Random(seed);
    const gen = new ConditionGenerator(r);
    const failures: string[] = [];
    for (let i = 0; i < CONDITIONS_PER_SEED; i++) {
      const condition = gen.doc() as Condition;
      const groups = gen.savedGroups() as SavedGroups | undefined;
      const compiled = compileCondition(condition, groups);
      for (let j = 0; j < ATTRIBUTE_SETS_PER_CONDITION; j++) {
        const attributes = gen.attributes();
        let expected: boolean;
        try {
          expected = sdkEvalCondition(attributes, condition as never, groups as never);
        } catch {
          expected = false;
          totals.sdkThrew++;
        }
        const interpreted = evalCondition(attributes, condition, groups);
        const fast = compiled(attributes);
        totals.pairs++;
        if (expected) totals.passed++;
        if (interpreted !== expected || fast !== expected) {
          failures.push(
            `sdk=${expected} eval=${interpreted} compiled=${fast}\n  condition=${show(condition)}\n  attributes=${show(attributes)}\n  groups=${show(groups)}`,
          );
        }
      }
    }
    for (const [op, n] of gen.counts) opCounts.set(op, (opCounts.get(op) ?? 0) + n);
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it('generated a meaningful mix', () => {
    expect(totals.pairs).toBeGreaterThanOrEqual(20_000);
    // Neither outcome may dominate, or agreement would prove little.
    expect(totals.passed / totals.pairs).toBeGreaterThan(0.2);
    expect(totals.passed / totals.pairs).toBeLessThan(0.8);
    expect(totals.sdkThrew).toBeGreaterThan(0);
    for (const op of [...VALUE_OPERATORS, ...DOC_OPERATORS]) {
      expect(opCounts.get(op) ?? 0, op).toBeGreaterThan(100);
    }
  });

  it('agrees on hand-picked edge cases', () => {
    const edge: [unknown, unknown, unknown?][] = [
      [{ a: 'toString' }, { a: { $regex: 'toString' } }],
      [{ a: 'toString' }, { a: { $regexi: 'toString' } }],
      [{}, { $or: 5 }],
      [{}, { $nor: [] }],
      [{}, { $not: {} }],
      [{}, { $or: null }],
      [{ a: [1] }, { a: { $elemMatch: null } }],
      [{ a: 1 }, { a: { $elemMatch: null } }],
      [{ 0: 'a' }, { $or: 'a' }],
      [{ a: [0, '', false] }, { a: { $elemMatch: { $exists: true } } }],
      [{ a: undefined }, { a: false }],
      [{ a: NaN }, { a: { $in: [NaN] } }],
      [{ a: NaN }, { a: { $ini: [NaN] } }],
      [{ a: { toString: 'x' } }, { a: { $regex: 'x' } }],
      [{ a: { toString: 'x' } }, { $not: { a: 'x' } }],
      [{ a: [1, 2] }, { 'a.length': 2, 'a.toString': { $type: 'unknown' } }],
      [{ id: 'u1' }, { $savedGroup: { id: 'c' } }, { c: { type: 'condition', condition: { $savedGroup: { id: 'c' } } } }],
      [{ id: 'u1' }, { id: { $notInGroup: 'toString' } }],
      [{ id: 'u1' }, { id: { $notInGroup: '__proto__' } }],
      [{ id: 'u1' }, { $savedGroup: { id: '__proto__' } }],
      [{ v: 1 }, { v: { $veq: '1' } }],
      [{ n: [5] }, { n: { $gt: 4, $lt: '6' } }],
      [{ s: '10' }, { s: { $lt: '5' } }],
    ];
    for (const [attrs, cond, groups] of edge) {
      const expected = reference(attrs, cond, groups);
      const a = attrs as Record<string, unknown>;
      const c = cond as Condition;
      const g = groups as SavedGroups | undefined;
      expect(evalCondition(a, c, g), show(cond)).toBe(expected);
      expect(compileCondition(c, g)(a), show(cond)).toBe(expected);
    }
  });
});

const TEXT_PIECES = [
  'a', 'b', 'z', 'A', '0', '1', '9', '_', '-', '.', ' ', '"', '/', 'ü', 'é', '名', '字', '😀',
  '👍🏽', '\u0000', '\ud800', '\udfff', '\uffff', '€',
];

describe('hashing and bucketing vs @growthbook/growthbook', () => {
  it('hash agrees (ASCII, non-ASCII, surrogates, numbers, all versions)', () => {
    const r = new Random(42);
    expect(hash('', 'ü', 1)).toBe(sdk.hash('', 'ü', 1));
    for (let i = 0; i < 20_000; i++) {
      const seed = r.string(TEXT_PIECES, 12);
      const value = r.chance(0.9) ? r.string(TEXT_PIECES, 24) : r.pick([0, 1, 123, 1.5, -7, true, false]);
      const version = r.pick([1, 2, 1, 2, 0, 3, undefined, 1.5]);
      expect(hash(seed, value, version), show([seed, value, version])).toBe(sdk.hash(seed, value, version));
    }
  });

  it('getEqualWeights agrees', () => {
    for (let n = -3; n <= 50; n++) expect(getEqualWeights(n)).toEqual(sdk.getEqualWeights(n));
  });

  it('getBucketRanges agrees', () => {
    const r = new Random(7);
    for (let i = 0; i < 5000; i++) {
      const n = r.int(8) - 1;
      const coverage = r.pick([undefined, 0, 0.3, 0.5, 1, 1.2, -0.1, r.next()]);
      const random = () => {
        const raw = Array.from({ length: Math.max(n, 0) }, () => r.next());
        const sum = raw.reduce((a, b) => a + b, 0);
        const scale = r.pick([1, 1, 0.995, 1.009, 1.02, 0.98]);
        return raw.map((x) => (x / sum) * scale);
      };
      const weights = r.weighted<number[] | null | undefined>([
        [1, () => undefined],
        [0.5, () => null],
        [4, random],
        [1, () => Array.from({ length: r.int(6) }, () => r.next())],
      ]);
      const ours = getBucketRanges(n, coverage, weights);
      expect(ours, show([n, coverage, weights])).toEqual(sdk.getBucketRanges(n, coverage, weights));
    }
  });

  it('chooseVariation agrees', () => {
    const r = new Random(11);
    for (let i = 0; i < 5000; i++) {
      const k = 1 + r.int(5);
      const ranges: VariationRange[] = r.chance(0.7)
        ? getBucketRanges(k, r.pick([1, 0.5, r.next()]), undefined)
        : Array.from({ length: k }, (): VariationRange => [r.next(), r.next()]);
      const edges = ranges.flat();
      const n = r.chance(0.3) ? r.pick(edges) : r.pick([r.next(), 0, 1, -0.1, 0.9999]);
      expect(chooseVariation(n, ranges)).toBe(sdk.chooseVariation(n, ranges));
    }
  });

  it('inNamespace agrees', () => {
    const r = new Random(13);
    for (let i = 0; i < 5000; i++) {
      const start = r.next();
      const ns: Namespace = [r.string(TEXT_PIECES, 8), start, start + r.next() * (1 - start)];
      const id = r.string(TEXT_PIECES, 10);
      expect(inNamespace(id, ns), show([id, ns])).toBe(sdk.inNamespace(id, ns));
    }
  });

  it('paddedVersionString agrees', () => {
    const r = new Random(17);
    const parts = ['1', '2', '10', '0', '99999', '123456', 'v', 'beta', 'rc', 'ALPHA', '.', '.', '-', '-', '+', 'build', '~'];
    const inputs: unknown[] = [undefined, null, 0, 1, 1.5, NaN, '', 'v', true, [], {}, '1.2.3'];
    for (let i = 0; i < 3000; i++) inputs.push(r.string(parts, 9));
    for (const v of inputs) expect(paddedVersionString(v), show(v)).toBe(sdkPadded(v));
  });
});
