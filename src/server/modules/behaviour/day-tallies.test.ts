import { describe, expect, it } from 'vitest';
import { addSeen, addToDay, pruneBefore, seenOf, tallyOver } from './day-tallies';

describe('day tallies', () => {
  it('keep days in order whatever order they arrive in, adding to a day already there', () => {
    let t = addToDay(undefined, 10, 1, 5, 1);
    t = addToDay(t, 12, 2, 0, 0);
    t = addToDay(t, 8, 1, 1, 1);
    t = addToDay(t, 11, 1, 0, 0);
    t = addToDay(t, 10, 1, 2, 1);
    expect(t).toEqual([8, 1, 1, 1, 10, 2, 7, 2, 11, 1, 0, 0, 12, 2, 0, 0]);
  });

  it('sum over inclusive day ranges; nothing in range is null', () => {
    const t = [8, 1, 1, 1, 10, 2, 7, 2, 12, 2, 0, 0];
    expect(tallyOver(t, 8, 10)).toEqual({ count: 3, sum: 8, valued: 3 });
    expect(tallyOver(t, 9, 12)).toEqual({ count: 4, sum: 7, valued: 2 });
    expect(tallyOver(t, 13, 20)).toBeNull();
    expect(tallyOver(undefined, 0, 20)).toBeNull();
  });

  it('prune the days before a day; first and last seen widen', () => {
    const t = [8, 1, 1, 1, 10, 2, 7, 2, 12, 2, 0, 0];
    expect(pruneBefore(t, 10)).toBe(2);
    expect(t).toEqual([10, 2, 7, 2, 12, 2, 0, 0]);
    expect(pruneBefore(t, 13)).toBe(0);
    let seen = addSeen(undefined, 5);
    seen = addSeen(addSeen(seen, 3), 9);
    expect(seenOf(seen)).toEqual({ firstDay: 3, lastDay: 9 });
  });
});
