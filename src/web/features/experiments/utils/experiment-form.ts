import type { z } from 'zod';
import { createExperimentBodySchema, type Experiment, type UpdateExperimentBody } from '../../../../shared/contract/experiments';

/** Everything the editor holds: the create body with every default filled in. */
export type ExperimentFormValues = z.output<typeof createExperimentBodySchema>;
export type ExperimentFormInput = z.input<typeof createExperimentBodySchema>;

/** The same checks the server runs (weights total 100, unique keys, end after start), for inline messages. */
export const experimentFormSchema = createExperimentBodySchema;

export const editableFields = [
  'name',
  'hypothesis',
  'owner',
  'tags',
  'audience',
  'stickyMembership',
  'allocation',
  'variants',
  'metrics',
  'startAt',
  'endAt',
  'layer',
  'testUsers',
  'autoShip',
] as const satisfies readonly (keyof ExperimentFormValues & keyof UpdateExperimentBody)[];

export function newExperimentValues(owner = '', environmentId = 'production'): ExperimentFormValues {
  return {
    key: '',
    environmentId,
    name: '',
    hypothesis: '',
    owner,
    tags: [],
    audience: { kind: 'everyone' },
    stickyMembership: true,
    allocation: 100,
    variants: [
      { key: 'control', name: 'Control', weight: 50, overrides: {} },
      { key: 'b', name: 'Variant B', weight: 50, overrides: {} },
    ],
    metrics: { primary: null, secondary: [], guardrails: [] },
    startAt: null,
    endAt: null,
    layer: null,
    testUsers: [],
  };
}

export function valuesOf(experiment: Experiment): ExperimentFormValues {
  return {
    key: experiment.key,
    environmentId: experiment.environmentId,
    name: experiment.name,
    hypothesis: experiment.hypothesis,
    owner: experiment.owner,
    tags: experiment.tags,
    audience: experiment.audience,
    stickyMembership: experiment.stickyMembership,
    allocation: experiment.allocation,
    variants: experiment.variants,
    metrics: experiment.metrics,
    startAt: experiment.startAt,
    endAt: experiment.endAt,
    layer: experiment.layer,
    testUsers: experiment.testUsers,
    // The settings only: what auto-ship did is the server's to say.
    autoShip: experiment.autoShip ? { enabled: experiment.autoShip.enabled, minDays: experiment.autoShip.minDays, audience: experiment.autoShip.audience } : undefined,
  };
}

/** JSON equality that ignores the order of object keys (overrides are keyed by parameter). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, sorted(v)]));
  }
  return value;
}

/** Only the fields that differ from the saved experiment: a PATCH body without expectedVersion. */
export function changedFields(saved: Experiment, values: ExperimentFormValues): Omit<UpdateExperimentBody, 'expectedVersion'> {
  const current = valuesOf(saved);
  const changes: Record<string, unknown> = {};
  for (const field of editableFields) {
    if (!same(current[field], values[field])) changes[field] = values[field];
  }
  return changes;
}

/** "Checkout button colour!" -> "checkout-button-colour": a key that satisfies the key rules. */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug;
}

/** Parameter keys any variant overrides, in first-seen order. */
export function overriddenKeys(variants: readonly { overrides: Record<string, unknown> }[]): string[] {
  return [...new Set(variants.flatMap((variant) => Object.keys(variant.overrides)))];
}
