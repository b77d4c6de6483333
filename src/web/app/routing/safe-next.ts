import type { Location } from 'react-router';

/** Where to go after signing in: only same-origin app paths, never "//evil.example" or absolute URLs. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/sign-in') || next.startsWith('/setup') || next.startsWith('/accept-invite')) return fallback;
  return next;
}

/** /sign-in, remembering the page the person was on (unless that was the overview). */
export function signInPath(from: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const next = `${from.pathname}${from.search}${from.hash}`;
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
