import { fnv1a32 } from '../../shared/targeting/fnv-hash';
import { seededRandom } from '../../shared/seeded-random';

// The simulated population and what each user does, as pure functions of the seed: the same
// options give the same users, attributes, times, conversions and event ids on every run (so a
// rerun's events count once), whatever the concurrency.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One generator per user, independent of the order users are simulated in. */
export function userRandom(seed: string, userIndex: number, purpose: string): () => number {
  return seededRandom(fnv1a32(`${seed}:${purpose}:${userIndex}`));
}

const PLATFORMS = [['ios', 0.45], ['android', 0.4], ['web', 0.15]] as const;
const COUNTRIES = [['US', 0.35], ['GB', 0.15], ['DE', 0.12], ['FR', 0.1], ['CA', 0.1], ['BR', 0.1], ['JP', 0.08]] as const;
const APP_VERSIONS = [['5.3.0', 0.4], ['5.2.1', 0.3], ['5.1.4', 0.2], ['4.9.0', 0.1]] as const;

function pick<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  let r = random();
  for (const [value, share] of table) {
    if (r < share) return value;
    r -= share;
  }
  return table[table.length - 1][0];
}

export interface SimulatedUser {
  index: number;
  targetingKey: string;
  attributes: { platform: string; country: string; appVersion: string; premium: boolean };
}

/** The i-th user of a simulation: a stable targetingKey and realistic attributes for targeting. */
export function simulatedUser(seed: string, index: number): SimulatedUser {
  const random = userRandom(seed, index, 'user');
  return {
    index,
    targetingKey: `sim-${seed}-${index}`,
    attributes: { platform: pick(random, PLATFORMS), country: pick(random, COUNTRIES), appVersion: pick(random, APP_VERSIONS), premium: random() < 0.12 },
  };
}

/** What a variant's users really do with one event: how many do it, and what it is worth. */
export interface EventBehaviour {
  /** Share of exposed users who send the event at least once. */
  rate: number;
  /** Mean value per event (revenue); null: the event carries no value. */
  value: number | null;
}

export interface PlannedEvent {
  id: string;
  type: 'track' | 'exposure';
  targetingKey: string;
  event: string;
  value?: number;
  timestamp: string;
  properties: Record<string, string | number | boolean>;
}

export interface UserPlanInput {
  seed: string;
  experimentKey: string;
  user: SimulatedUser;
  variant: string;
  /** The simulated period ends here (ms since epoch); events after it have not happened yet. */
  end: number;
  days: number;
  /**
   * The experiment's start, when later than `end - days`: the period is compressed to begin there,
   * so no event predates the experiment.
   */
  start?: number;
  /** event name -> behaviour in this user's variant. */
  behaviour: Map<string, EventBehaviour>;
  /** event name -> properties that make the event match the metrics' filters. */
  properties: Map<string, Record<string, string | number | boolean>>;
}

/** Ids name what they are (a rerun sends the same ids: counted once); long ones are hashed to fit 100 characters. */
function eventId(name: string): string {
  if (name.length <= 100) return name;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `sim-${hex(fnv1a32(name))}${hex(fnv1a32(`~${name}`))}-${name.slice(-60)}`;
}

/** A sample of a log-normal with this mean and a 40% spread: order values are skewed, never negative. */
function valueAround(random: () => number, mean: number): number {
  const sigma = 0.4;
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0.01, Math.round(mean * Math.exp(sigma * normal - (sigma * sigma) / 2) * 100) / 100);
}

/**
 * One exposed user's events: the exposure at a time spread over the period, then for each event
 * a conversion with the variant's rate, sent 1 to 3 times at times after the exposure (minutes to
 * a couple of days later). Events that would fall after `end` have not happened yet: dropped.
 */
export function planUser(input: UserPlanInput): PlannedEvent[] {
  const { seed, experimentKey, user, variant, end, days } = input;
  const random = userRandom(seed, user.index, `events:${experimentKey}`);
  // Times are drawn over the nominal period, then mapped linearly onto [start, end]: the same
  // draws (so the same conversions and lags, in proportion) whatever the start.
  const nominalStart = end - days * DAY;
  const start = Math.max(input.start ?? nominalStart, nominalStart);
  const scale = (end - start) / (end - nominalStart);
  const at = (time: number) => new Date(Math.round(start + (time - nominalStart) * scale)).toISOString();
  const exposedAt = end - Math.floor(random() * days * DAY) - 1000;
  const id = (part: string) => eventId(`sim-${seed}-${experimentKey}-${user.index}-${part}`);
  const base = { targetingKey: user.targetingKey, properties: { platform: user.attributes.platform, country: user.attributes.country } };
  const events: PlannedEvent[] = [
    { ...base, id: id('exposure'), type: 'exposure', event: '$exposure', timestamp: at(exposedAt), properties: { experiment: experimentKey, variant } },
  ];
  for (const [event, behaviour] of input.behaviour) {
    // Always draw the same numbers, converted or not, so one event's rate never shifts another's.
    const converts = random() < behaviour.rate;
    const times = 1 + Math.floor(random() * random() * 3);
    for (let k = 0; k < times; k++) {
      const lag = Math.floor(-Math.log(1 - random()) * 6 * HOUR) + 1000;
      const value = behaviour.value === null ? undefined : valueAround(random, behaviour.value);
      if (!converts || exposedAt + lag > end) continue;
      events.push({
        ...base,
        id: id(`${event}-${k}`),
        type: 'track',
        event,
        ...(value !== undefined && { value }),
        timestamp: at(exposedAt + lag),
        properties: { ...base.properties, ...input.properties.get(event) },
      });
    }
  }
  return events;
}
