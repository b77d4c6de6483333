const ALL_DIGITS = /^[0-9]+$/;

/**
 * Maps a version to a string whose plain string ordering is the version ordering
 * GrowthBook uses for $veq/$vgt/...: numeric parts are left-padded so "9" < "10",
 * and a bare x.y.z gets "~" appended so a release sorts after its pre-releases.
 */
export function paddedVersionString(input: unknown): string {
  let s: string;
  if (typeof input === 'number') s = String(input);
  else if (typeof input === 'string' && input !== '') s = input;
  else s = '0';

  const parts = s.replace(/(^v|\+.*$)/g, '').split(/[-.]/);
  if (parts.length === 3) parts.push('~');
  for (let i = 0; i < parts.length; i++) {
    if (ALL_DIGITS.test(parts[i])) parts[i] = parts[i].padStart(5, ' ');
  }
  return parts.join('-');
}
