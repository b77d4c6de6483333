/**
 * The worked examples of docs/targeting.md, plus the places where the installed
 * SDK (which wins) behaves differently from, or more specifically than, the spec text.
 */
import { describe, expect, it } from 'vitest';
import { type Condition, evalCondition, getBucketRanges, getEqualWeights, hash, paddedVersionString } from './index';
import { fnv1a32 } from './fnv-hash';

const ev = (attributes: Record<string, unknown>, condition: unknown, groups?: Record<string, unknown>) =>
  evalCondition(attributes, condition as Condition, groups);

describe('spec examples', () => {
  it('hashes UTF-16 code units with FNV-1a 32', () => {
    expect(hash('', 'a', 1)).toBe(0.22);
    expect(hash('', 'b', 1)).toBe(0.077);
    expect(hash('b', 'a', 1)).toBe(0.946);
    expect(hash('', 'a', 2)).toBe(0.0216);
    expect(hash('s', 123, 1)).toBe(hash('s', '123', 1));
    expect(hash('s', true, 2)).toBe(hash('s', 'true', 2));
    for (const v of [0, 3, undefined]) expect(hash('s', 'a', v)).toBeNull();
    // "ü" is one UTF-16 unit (0xFC) but two UTF-8 bytes: byte-wise FNV would differ.
    expect(fnv1a32('ü')).toBe(Math.imul(0x811c9dc5 ^ 0xfc, 16777619) >>> 0);
  });

  it('buckets as described', () => {
    expect(getEqualWeights(0)).toEqual([]);
    expect(getBucketRanges(2, 0.5)).toEqual([[0, 0.25], [0.5, 0.75]]);
    // Weights summing to 0.995 are kept, not renormalised.
    const [a, b] = getBucketRanges(2, 1, [0.3, 0.695]);
    expect(a).toEqual([0, 0.3]);
    expect(b[1]).toBeCloseTo(0.995, 12);
  });

  it('pads versions with the stated consequences', () => {
    const eq = (x: unknown, y: unknown) => paddedVersionString(x) === paddedVersionString(y);
    const lt = (x: unknown, y: unknown) => paddedVersionString(x) < paddedVersionString(y);
    expect(eq('v1.2.3', '1.2.3')).toBe(true);
    expect(eq('1.2.3+build', '1.2.3')).toBe(true);
    expect(eq('1-2-3', '1.2.3')).toBe(true);
    expect(eq('1.2.3.4', '1.2.3-4')).toBe(true);
    expect(eq('1.2.3', '1.2.3.0')).toBe(false);
    expect(lt('1.2', '1.2.0')).toBe(true);
    expect(lt('1.0.0-beta.2', '1.0.0-beta.11')).toBe(true);
    expect(lt('1.2.3-r100', '1.2.3-r2')).toBe(true);
    expect(lt('1.2.3-R', '1.2.3-r')).toBe(true);
    expect(eq(undefined, '')).toBe(true);
    expect(paddedVersionString(1.5)).toBe(paddedVersionString('1.5'));
  });

  it('evaluates the documented condition semantics', () => {
    expect(ev({}, { $or: [] })).toBe(true);
    expect(ev({}, { $nor: [] })).toBe(false);
    expect(ev({}, { $not: {} })).toBe(false);
    expect(ev({ tags: ['x', 'y'] }, { 'tags.0': 'x', 'tags.length': 2 })).toBe(true);
    expect(ev({ 'a.b': 1 }, { 'a.b': 1 })).toBe(false);
    expect(ev({ n: '1e1' }, { n: 10 })).toBe(true);
    expect(ev({ n: [5] }, { n: 5 })).toBe(true);
    expect(ev({ a: [1, 2] }, { a: '1,2' })).toBe(true);
    expect(ev({}, { a: { $ne: 5 } })).toBe(true);
    expect(ev({}, { a: { $ne: null } })).toBe(false);
    expect(ev({}, { a: { $lt: 5, $gte: 0 } })).toBe(true);
    expect(ev({ s: '10' }, { s: { $lt: '5' } })).toBe(true);
    expect(ev({}, { a: { $regex: '^null$' } })).toBe(true);
    expect(ev({ a: 1 }, { a: { $in: ['1'] } })).toBe(false);
    expect(ev({ a: 1 }, { a: { $nin: 1 } })).toBe(false);
    expect(ev({ a: [] }, { a: { $nin: ['x'] } })).toBe(true);
    expect(ev({ a: [1] }, { a: { $all: ['1'] } })).toBe(true);
    expect(ev({ a: [0, '', false] }, { a: { $elemMatch: { $exists: true } } })).toBe(true);
    expect(ev({ a: [1, 2, 3] }, { a: { $size: { $gt: 2 } } })).toBe(true);
    expect(ev({}, { a: { $type: 'null' } })).toBe(true);
    expect(ev({}, { v: { $veq: '' } })).toBe(true);
  });

  it('resolves saved groups as described', () => {
    const groups = {
      v1: ['u1'],
      list: { type: 'list', attributeKey: 'email', values: ['u1'] },
      cond: { type: 'condition', condition: { id: 'u1' } },
      broken: { type: 'list', values: 'u1' },
    };
    expect(ev({ id: 'u1' }, { id: { $inGroup: 'v1' } }, groups)).toBe(true);
    expect(ev({ id: 'u1' }, { id: { $inGroup: 'list' } }, groups)).toBe(true);
    expect(ev({ id: 'u1' }, { id: { $notInGroup: 'unknown' } }, groups)).toBe(true);
    for (const id of ['cond', 'broken']) {
      expect(ev({ id: 'u1' }, { id: { $inGroup: id } }, groups)).toBe(false);
      expect(ev({ id: 'u1' }, { id: { $notInGroup: id } }, groups)).toBe(false);
    }
    expect(ev({ id: 'u1' }, { $savedGroup: { id: 'cond' } }, groups)).toBe(true);
    expect(ev({ id: 'u1' }, { $savedGroup: { id: 'v1' } }, groups)).toBe(false);
  });
});

describe('where the SDK is more specific than the spec text (the SDK wins)', () => {
  it('$regex patterns named like Object.prototype members never match', () => {
    expect(ev({ a: 'toString' }, { a: { $regex: 'toString' } })).toBe(false);
    expect(ev({ a: 'toString' }, { a: { $regex: '^toString$' } })).toBe(true);
    expect(ev({ a: 'toString' }, { a: { $regexi: 'toString' } })).toBe(true);
  });

  it('saved-group ids named like Object.prototype members are not "unknown"', () => {
    expect(ev({ id: 1 }, { id: { $notInGroup: 'toString' } })).toBe(false);
    expect(ev({ id: 1 }, { id: { $notInGroup: 'nope' } })).toBe(true);
  });

  it('$alli only folds case for plain string items, not inside operator items', () => {
    expect(ev({ a: ['a'] }, { a: { $alli: ['A'] } })).toBe(true);
    expect(ev({ a: ['a'] }, { a: { $alli: [{ $in: ['A'] }] } })).toBe(false);
  });

  it('an explicitly undefined attribute is not the same as a missing one', () => {
    expect(ev({}, { a: null })).toBe(true);
    expect(ev({ a: undefined }, { a: null })).toBe(false);
    expect(ev({ a: undefined }, { a: false })).toBe(true);
    expect(ev({ a: undefined }, { a: { $type: 'undefined' } })).toBe(true);
  });

  it('$in uses SameValueZero (NaN is found), $ini strict equality', () => {
    expect(ev({ a: NaN }, { a: { $in: [NaN] } })).toBe(true);
    expect(ev({ a: NaN }, { a: { $ini: [NaN] } })).toBe(false);
  });

  it('non-array $or/$and operands follow the SDK loop rather than failing', () => {
    expect(ev({}, { $or: 5 })).toBe(true);
    expect(ev({}, { $and: {} })).toBe(true);
    expect(ev({ 0: 'a' }, { $or: 'a' })).toBe(true);
    expect(ev({}, { $or: null })).toBe(false);
  });

  it('version parts of six or more digits are not padded, so they misorder', () => {
    expect(paddedVersionString('100000.0.0') < paddedVersionString('99999.0.0')).toBe(true);
  });
});
