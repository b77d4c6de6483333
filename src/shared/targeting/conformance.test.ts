import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Attributes,
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
} from './index';

// GrowthBook's language-agnostic SDK test suite (packages/sdk-js/test/cases.json).
const casesUrl = new URL('../../../test-data/growthbook-sdk-cases.json', import.meta.url);

interface Cases {
  specVersion: string;
  evalCondition: [string, Condition, Attributes, boolean, SavedGroups?][];
  hash: [string, string, number, number | null][];
  getBucketRange: [string, [number, number, number[] | null], VariationRange[]][];
  chooseVariation: [string, number, VariationRange[], number][];
  inNamespace: [string, string, Namespace, boolean][];
  getEqualWeights: [number, number[]][];
}

const cases = JSON.parse(readFileSync(casesUrl, 'utf8')) as Cases;

type EvalCase = Cases['evalCondition'][number];
// Some names repeat in the suite, so prefix the index to keep test names unique.
const conditionCases = cases.evalCondition.map(
  ([name, ...rest], i): EvalCase => [`#${i} ${name}`, ...rest],
);

describe('conformance: growthbook-sdk-cases.json', () => {
  it('is the expected suite', () => {
    expect(cases.specVersion).toBe('0.8.0');
    expect(cases.evalCondition.length).toBe(248);
  });

  describe('evalCondition', () => {
    it.each(conditionCases)('%s', (_name, condition, attributes, expected, groups) => {
      expect(evalCondition(attributes, condition, groups)).toBe(expected);
    });
  });

  describe('compileCondition', () => {
    it.each(conditionCases)('%s', (_name, condition, attributes, expected, groups) => {
      const compiled = compileCondition(condition, groups);
      expect(compiled(attributes)).toBe(expected);
      // A compiled condition is reused; a second call must not depend on the first.
      expect(compiled(attributes)).toBe(expected);
    });
  });

  describe('hash', () => {
    it.each(cases.hash.map((c) => [`hash(${JSON.stringify(c[0])}, ${JSON.stringify(c[1])}, v${c[2]})`, ...c] as const))(
      '%s',
      (_name, seed, value, version, expected) => {
        expect(hash(seed, value, version)).toBe(expected);
      },
    );
  });

  describe('getBucketRanges', () => {
    it.each(cases.getBucketRange)('%s', (_name, [numVariations, coverage, weights], expected) => {
      const ranges = getBucketRanges(numVariations, coverage, weights ?? undefined);
      expect(ranges).toHaveLength(expected.length);
      ranges.forEach(([start, end], i) => {
        expect(start).toBeCloseTo(expected[i][0], 9);
        expect(end).toBeCloseTo(expected[i][1], 9);
      });
    });
  });

  describe('chooseVariation', () => {
    it.each(cases.chooseVariation)('%s', (_name, n, ranges, expected) => {
      expect(chooseVariation(n, ranges)).toBe(expected);
    });
  });

  describe('inNamespace', () => {
    it.each(cases.inNamespace)('%s', (_name, hashValue, namespace, expected) => {
      expect(inNamespace(hashValue, namespace)).toBe(expected);
    });
  });

  describe('getEqualWeights', () => {
    it.each(cases.getEqualWeights.map((c) => [`getEqualWeights(${c[0]})`, ...c] as const))(
      '%s',
      (_name, n, expected) => {
        const weights = getEqualWeights(n);
        expect(weights).toHaveLength(expected.length);
        // The suite rounds 1/3 to 8 decimals.
        weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i], 8));
      },
    );
  });
});
