import type { BehaviourTally, UserSeen } from '../../../shared/behaviour/behaviour-rule';

// One user's tallies of one spec are a flat array [day, count, sum, valued, day, ...] in
// ascending day order: a million users with a few days each stay a few small arrays apiece
// instead of an object per day. The 'seen' spec holds [firstDay, lastDay].

export type DayTallies = number[];
const STRIDE = 4;

/**
 * Adds to the day's entry (usually the last: events arrive roughly in time order); returns the
 * array to keep, a new one of exact length when a day is added (push and splice leave spare
 * capacity, which at a million users costs more than the tallies themselves).
 */
export function addToDay(tallies: DayTallies | undefined, day: number, count: number, sum: number, valued: number): DayTallies {
  if (!tallies) return [day, count, sum, valued];
  let i = tallies.length - STRIDE;
  while (i >= 0 && tallies[i] > day) i -= STRIDE;
  if (i >= 0 && tallies[i] === day) {
    tallies[i + 1] += count;
    tallies[i + 2] += sum;
    tallies[i + 3] += valued;
    return tallies;
  }
  const at = i + STRIDE;
  const next: DayTallies = new Array(tallies.length + STRIDE);
  for (let k = 0; k < at; k++) next[k] = tallies[k];
  next[at] = day;
  next[at + 1] = count;
  next[at + 2] = sum;
  next[at + 3] = valued;
  for (let k = at; k < tallies.length; k++) next[k + STRIDE] = tallies[k];
  return next;
}

/** The tally over the inclusive days [from, to]; null when there is no event in them. */
export function tallyOver(tallies: DayTallies | undefined, from: number, to: number): BehaviourTally | null {
  if (!tallies) return null;
  let count = 0;
  let sum = 0;
  let valued = 0;
  for (let i = 0; i < tallies.length; i += STRIDE) {
    const day = tallies[i];
    if (day < from) continue;
    if (day > to) break;
    count += tallies[i + 1];
    sum += tallies[i + 2];
    valued += tallies[i + 3];
  }
  return count === 0 ? null : { count, sum, valued };
}

/** Drops the days before `fromDay`; returns how many entries are left. */
export function pruneBefore(tallies: DayTallies, fromDay: number): number {
  let i = 0;
  while (i < tallies.length && tallies[i] < fromDay) i += STRIDE;
  if (i > 0) tallies.splice(0, i);
  return tallies.length / STRIDE;
}

export const dayEntries = (tallies: DayTallies): number => tallies.length / STRIDE;

/** Widens [firstDay, lastDay] to hold the day; returns the array to keep. */
export function addSeen(seen: DayTallies | undefined, day: number): DayTallies {
  if (!seen) return [day, day];
  if (day < seen[0]) seen[0] = day;
  if (day > seen[1]) seen[1] = day;
  return seen;
}

export const seenOf = (seen: DayTallies | undefined): UserSeen | null => (seen && seen.length === 2 ? { firstDay: seen[0], lastDay: seen[1] } : null);
