/** The marketer's IANA time zone, e.g. "Europe/Berlin", as the browser reports it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your local time zone';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-06-01T09:30" in local time, the value a datetime-local input shows, for a UTC ISO string. */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (local time) as a UTC ISO string; null when empty or incomplete. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value); // no offset in the string: parsed as local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "1 Jun 2025, 09:30" in local time, or a dash. */
export function formatLocal(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}
