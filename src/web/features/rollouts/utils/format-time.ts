const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment in the viewer's time zone ("3 Dec 2026, 21:05"). */
export function formatLocal(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}
