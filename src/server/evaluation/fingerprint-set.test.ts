import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/seeded-random';
import { FingerprintSet, MembershipBudget } from './fingerprint-set';

const unlimited = () => new MembershipBudget(Number.MAX_SAFE_INTEGER);

describe('fingerprint set', () => {
  it('adds, finds and deletes keys', () => {
    const set = new FingerprintSet(unlimited());
    expect(set.add('alice')).toBe('added');
    expect(set.add('alice')).toBe('present');
    expect(set.has('alice')).toBe(true);
    expect(set.has('bob')).toBe(false);
    expect(set.has('')).toBe(false);
    expect(set.add('')).toBe('added');
    expect(set.has('')).toBe(true);
    expect(set.size).toBe(2);
    expect(set.delete('alice')).toBe(true);
    expect(set.delete('alice')).toBe(false);
    expect(set.has('alice')).toBe(false);
    expect(set.size).toBe(1);
  });

  it('keeps fingerprints that share a home slot apart, across the end of the table and through deletions', () => {
    const set = new FingerprintSet(unlimited());
    // 1024 slots: the low 10 bits choose the home slot. Five fingerprints start at the last slot
    // and wrap to the front; two more start at slot 0, inside that run.
    const last = 1023;
    const chain = [1, 2, 3, 4, 5].map((hi) => [hi, last] as const);
    const front = [[7, 0x400], [8, 0x800]] as const;
    for (const [hi, lo] of [...chain, ...front]) expect(set.addFingerprint(hi, lo)).toBe('added');
    // Same low half, other high half: not a member.
    expect(set.hasFingerprint(9, last)).toBe(false);
    expect(set.deleteFingerprint(2, last)).toBe(true);
    expect(set.deleteFingerprint(7, 0x400)).toBe(true);
    for (const [hi, lo] of [...chain.filter(([hi]) => hi !== 2), [8, 0x800] as const]) expect(set.hasFingerprint(hi, lo)).toBe(true);
    expect(set.hasFingerprint(2, last)).toBe(false);
    expect(set.hasFingerprint(7, 0x400)).toBe(false);
    expect(set.size).toBe(5);
  });

  it('tells the all-zero fingerprint from an empty slot', () => {
    const set = new FingerprintSet(unlimited());
    expect(set.hasFingerprint(0, 0)).toBe(false);
    expect(set.addFingerprint(0, 0)).toBe('added');
    expect(set.hasFingerprint(0, 0)).toBe(true);
    expect(set.deleteFingerprint(0, 0)).toBe(true);
    expect(set.hasFingerprint(0, 0)).toBe(false);
  });

  it('finds every member at each step while growing, the old table still being moved from', () => {
    const set = new FingerprintSet(unlimited());
    const keys = Array.from({ length: 5000 }, (_, i) => `user-${i}`);
    for (let i = 0; i < keys.length; i++) {
      expect(set.add(keys[i])).toBe('added');
      // Around each growth (768, 1536, 3072 members) check all members, not only the newest.
      if ([767, 768, 769, 800, 1536, 1537, 3072, 3100].includes(i)) expect(keys.slice(0, i + 1).filter((key) => !set.has(key))).toEqual([]);
    }
    expect(set.size).toBe(5000);
    expect(keys.every((key) => set.has(key))).toBe(true);
    expect(Array.from({ length: 5000 }, (_, i) => `other-${i}`).some((key) => set.has(key))).toBe(false);
    // 8192 slots of 8 bytes (the old table moved out and dropped): about 13 bytes a member.
    expect(set.bytes).toBe(8192 * 8);
  });

  it('deletes while the old table is still being moved from', () => {
    const set = new FingerprintSet(unlimited());
    for (let i = 0; i < 769; i++) set.add(`user-${i}`);
    expect(set.delete('user-5')).toBe(true);
    expect(set.has('user-5')).toBe(false);
    expect(Array.from({ length: 769 }, (_, i) => `user-${i}`).filter((key) => key !== 'user-5' && !set.has(key))).toEqual([]);
    expect(set.size).toBe(768);
  });

  it('agrees with a Set through a long random mix of additions and deletions', () => {
    const random = seededRandom(15);
    const set = new FingerprintSet(unlimited());
    const reference = new Set<string>();
    for (let step = 0; step < 40_000; step++) {
      const key = `k${Math.floor(random() * 8000)}`;
      if (random() < 0.3) expect(set.delete(key)).toBe(reference.delete(key));
      else expect(set.add(key)).toBe(reference.has(key) ? 'present' : (reference.add(key), 'added'));
    }
    expect(set.size).toBe(reference.size);
    expect(Array.from({ length: 8000 }, (_, i) => `k${i}`).filter((key) => set.has(key) !== reference.has(key))).toEqual([]);
  });

  it('refuses new members past the budget all its sets share, and gets room back when a set is released', () => {
    const budget = new MembershipBudget(100);
    const first = new FingerprintSet(budget);
    const second = new FingerprintSet(budget);
    for (let i = 0; i < 60; i++) first.add(`a${i}`);
    for (let i = 0; i < 40; i++) second.add(`b${i}`);
    expect(budget.used).toBe(100);
    expect(first.add('a-new')).toBe('full');
    expect(second.add('b0')).toBe('present');
    expect(first.has('a-new')).toBe(false);
    first.delete('a0');
    expect(second.add('b-new')).toBe('added');
    first.release();
    expect(budget.used).toBe(41);
    expect(first.size).toBe(0);
    expect(second.add('b-newer')).toBe('added');
  });

  it('is sized up front for an expected count', () => {
    expect(new FingerprintSet(unlimited(), 100_000).bytes).toBe(262_144 * 8);
    expect(new FingerprintSet(unlimited()).bytes).toBe(1024 * 8);
  });
});
