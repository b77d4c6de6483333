import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './date-time';

describe('datetime-local conversion', () => {
  it('round-trips a UTC instant through the local input value', () => {
    const iso = '2030-03-31T01:30:00.000Z';
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
  });

  it('treats empty or broken input as no time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2030-13-45T99:00')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });
});
