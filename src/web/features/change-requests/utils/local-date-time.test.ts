import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-date-time';

describe('datetime-local conversion', () => {
  it('reads the input as local wall time and gives the same instant back', () => {
    const iso = fromLocalInput('2026-03-29T02:30');
    expect(iso).toBe(new Date(2026, 2, 29, 2, 30).toISOString());
    expect(toLocalInput(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05T09:07');
    expect(toLocalInput(fromLocalInput('2026-11-30T23:59')!)).toBe('2026-11-30T23:59');
  });

  it('refuses what is not a complete date and time', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2026-03-29')).toBeUndefined();
    expect(fromLocalInput('tomorrow')).toBeUndefined();
  });
});
