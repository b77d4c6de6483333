// Options of a simulation, and reading them from `npm run simulate -- --flag value` arguments.
import type { FetchFunction } from './simulate-client';

export interface SimulationOptions {
  /** Switchboard's base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  experiment: string;
  users: number;
  days: number;
  /** An SDK key that may evaluate and send events (a server key, or a client key allowing events). */
  sdkKey?: string;
  /** An API token (any role) to read the experiment and its metrics. */
  token?: string;
  /** Metric events to send; default: the experiment's metrics' events (needs `token`). */
  events?: string[];
  /** Conversion rate per variant (`b`), or per event and variant (`purchase:b`); default 0.1. */
  rates: Map<string, number>;
  /** Mean value per event per variant (same keys as rates); default: no value. */
  values: Map<string, number>;
  /** Share of a variant's users whose traffic never arrives (to provoke a sample ratio mismatch). */
  skew: Map<string, number>;
  seed: string;
  /** The simulated period ends here (ms since epoch; default now): a rerun with the same seed and end sends the same events, counted once. */
  end?: number;
  /** Users simulated at once. */
  concurrency: number;
  /** Events per request to /sdk/v1/events. */
  batchSize: number;
  /** The transport; default: the global fetch over HTTP (the browser mock passes its in-page app). */
  fetch?: FetchFunction;
}

export const DEFAULT_RATE = 0.1;

export const USAGE = `npm run simulate -- --experiment KEY --users N [--days 14] [--url http://127.0.0.1:4000]
  [--sdk-key KEY | env SWITCHBOARD_SDK_KEY] [--token API_TOKEN | env SWITCHBOARD_TOKEN]
  [--events purchase,add_to_cart] [--rates control=0.10,b=0.11] [--values control=20,b=22]
  [--skew b=0.1] [--seed 1] [--end ISO-TIME] [--concurrency 8] [--batch 500]
Rates and values take a variant key, or event:variant for one event (purchase:b=0.12).
The period is the --days before --end (default now); with --token it starts no earlier than the
experiment. The same --seed and --end send the same events again (counted once).`;

export class OptionsError extends Error {}

function number(flag: string, text: string | undefined, min: number, max: number, integer = false): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new OptionsError(`--${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max.toLocaleString('en')} (got ${text ?? 'nothing'})`);
  }
  return value;
}

/** `control=0.1,purchase:b=0.12` as a map; every value between min and max. */
export function parseAssignments(flag: string, text: string, min: number, max: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq <= 0 || !/^([A-Za-z0-9_.$-]+:)?[A-Za-z0-9_-]+$/.test(key)) throw new OptionsError(`--${flag}: write variant=value or event:variant=value (got "${part}")`);
    map.set(key, number(flag, part.slice(eq + 1), min, max));
  }
  return map;
}

/** Reads the arguments after `npm run simulate --`; environment variables fill in secrets. */
export function parseSimulationArgs(argv: string[], env: Record<string, string | undefined> = {}): SimulationOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new OptionsError(`Unexpected "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new OptionsError(`--${name} needs a value`);
    flags.set(name, value);
  }
  const known = ['url', 'experiment', 'users', 'days', 'sdk-key', 'token', 'events', 'rates', 'values', 'skew', 'seed', 'end', 'concurrency', 'batch'];
  for (const name of flags.keys()) if (!known.includes(name)) throw new OptionsError(`Unknown option --${name}`);
  const experiment = flags.get('experiment');
  if (!experiment) throw new OptionsError('--experiment KEY is required');
  if (!flags.has('users')) throw new OptionsError('--users N is required');
  const seed = flags.get('seed') ?? '1';
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(seed)) throw new OptionsError('--seed: use up to 20 letters, digits, "_" or "-"');
  const url = flags.get('url') ?? env.SWITCHBOARD_URL ?? 'http://127.0.0.1:4000';
  if (!/^https?:\/\/\S+$/.test(url)) throw new OptionsError(`--url must be an http(s) URL (got ${url})`);
  const endFlag = flags.get('end');
  const end = endFlag === undefined ? undefined : Date.parse(endFlag);
  if (end !== undefined && (!Number.isFinite(end) || end > Date.now())) throw new OptionsError('--end: give a date and time that has passed, e.g. 2026-12-01T12:00:00Z');
  const events = flags.get('events')?.split(',').map((e) => e.trim()).filter(Boolean);
  if (events && events.length === 0) throw new OptionsError('--events: name at least one event');
  return {
    url: url.replace(/\/+$/, ''),
    experiment,
    users: number('users', flags.get('users'), 1, 10_000_000, true),
    days: number('days', flags.get('days') ?? '14', 1, 365),
    sdkKey: flags.get('sdk-key') ?? env.SWITCHBOARD_SDK_KEY,
    token: flags.get('token') ?? env.SWITCHBOARD_TOKEN,
    events,
    rates: parseAssignments('rates', flags.get('rates') ?? '', 0, 1),
    values: parseAssignments('values', flags.get('values') ?? '', 0, 1_000_000),
    skew: parseAssignments('skew', flags.get('skew') ?? '', 0, 1),
    seed,
    end,
    concurrency: number('concurrency', flags.get('concurrency') ?? '8', 1, 256, true),
    batchSize: number('batch', flags.get('batch') ?? '500', 1, 1000, true),
  };
}
