import type { Experiment } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import type { ExposureRecord, Store, StoredEvent } from '../../store/types';
import { seededRandom } from '../../../shared/seeded-random';

// Test data for the results tests, written straight through the store so they do not depend on
// the experiments API or the simulator.

const AT = '2026-01-01T00:00:00.000Z';

export function experimentDoc(overrides: Partial<Experiment> = {}): Experiment {
  return {
    id: 'exp-1',
    environmentId: 'production',
    key: 'checkout-button',
    name: 'Checkout button',
    hypothesis: '',
    owner: '',
    tags: [],
    status: 'running',
    audience: { kind: 'everyone' },
    stickyMembership: true,
    allocation: 100,
    seed: 'seed-1',
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Variant B', weight: 50, overrides: {} },
    ],
    metrics: { primary: 'm-purchase', secondary: [], guardrails: [] },
    startAt: null,
    endAt: null,
    layer: null,
    layerRange: null,
    testUsers: [],
    startedAt: AT,
    endedAt: null,
    promotion: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    updatedBy: null,
    ...overrides,
  };
}

export function metricDoc(overrides: Partial<Metric> & Pick<Metric, 'id' | 'kind' | 'event'>): Metric {
  return {
    key: overrides.id.replace(/[^a-z0-9]/g, '-'),
    name: overrides.id,
    description: '',
    filters: [],
    denominator: null,
    numeratorUsesValue: false,
    direction: 'higher',
    windowHours: null,
    archivedAt: null,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    updatedBy: null,
    ...overrides,
  };
}

export interface SimulatedArm {
  key: string;
  /** Share of users, 0..1. */
  share: number;
  /** Chance that a user purchases after exposure. */
  purchaseRate: number;
  /** Chance that a user hits an error (event `app_error`). */
  errorRate?: number;
}

/**
 * Users exposed evenly over `days` from `start`; each purchases (event `purchase`, value around
 * 40) with the arm's rate some hours after exposure, and views a page once or twice.
 */
export async function simulate(
  store: Store,
  options: { experimentId: string; users: number; arms: SimulatedArm[]; days: number; start?: string; seed?: number; prefix?: string },
): Promise<void> {
  const random = seededRandom(options.seed ?? 1);
  const start = Date.parse(options.start ?? AT);
  const prefix = options.prefix ?? 'u';
  let exposures: ExposureRecord[] = [];
  let events: StoredEvent[] = [];
  const flush = async () => {
    await store.exposures.record(exposures);
    await store.events.insertBatch(events);
    exposures = [];
    events = [];
  };
  for (let i = 0; i < options.users; i++) {
    const targetingKey = `${prefix}-${i}`;
    let pick = random();
    const arm = options.arms.find((a) => (pick -= a.share) < 0) ?? options.arms[options.arms.length - 1];
    const first = start + Math.floor((i / options.users) * options.days * 86_400_000);
    exposures.push({ experimentId: options.experimentId, targetingKey, variant: arm.key, firstSeenAt: new Date(first).toISOString() });
    const event = (n: number, name: string, value: number | null, properties: StoredEvent['properties']): StoredEvent => ({
      id: `${targetingKey}-${name}-${n}`,
      type: 'track',
      targetingKey,
      event: name,
      value,
      timestamp: new Date(first + Math.floor(random() * 48 * 3_600_000)).toISOString(),
      properties,
      receivedAt: AT,
    });
    if (random() < arm.purchaseRate) events.push(event(0, 'purchase', Math.round((20 + random() * 40) * 100) / 100, { category: random() < 0.5 ? 'shoes' : 'bags' }));
    if (arm.errorRate && random() < arm.errorRate) events.push(event(0, 'app_error', null, null));
    const views = 1 + Math.floor(random() * 2);
    for (let v = 0; v < views; v++) events.push(event(v, 'page_view', null, null));
    if (exposures.length >= 2000) await flush();
  }
  await flush();
}
