import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './safe-next';

describe('safeNext', () => {
  it('keeps in-app paths and refuses anything that leaves the app', () => {
    expect(safeNext('/settings/users?x=1#y')).toBe('/settings/users?x=1#y');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
  });

  it('builds the sign-in path with the page to come back to', () => {
    expect(signInPath({ pathname: '/', search: '', hash: '' })).toBe('/sign-in');
    expect(signInPath({ pathname: '/settings/users', search: '?a=1', hash: '' })).toBe('/sign-in?next=%2Fsettings%2Fusers%3Fa%3D1');
  });
});
