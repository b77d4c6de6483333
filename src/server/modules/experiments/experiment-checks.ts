import type { FieldError } from '../../../shared/contract/common';
import type { Experiment, Variant } from '../../../shared/contract/experiments';
import type { Parameter } from '../../../shared/contract/parameters';
import { validateValue } from '../../../shared/values';
import type { Store } from '../../store/types';

/** Every parameter any variant overrides. */
export const touchedKeys = (variants: readonly Variant[]) => [...new Set(variants.flatMap((v) => Object.keys(v.overrides)))];

/** Overrides must name existing, active parameters and fit their types. */
export async function overrideProblems(store: Store, variants: readonly Variant[], environmentId: string): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const parameters = await parametersByKey(store, touchedKeys(variants), environmentId);
  variants.forEach((variant, index) => {
    for (const [key, value] of Object.entries(variant.overrides)) {
      const path = `variants.${index}.overrides.${key}`;
      const parameter = parameters.get(key);
      if (!parameter) {
        problems.push({ path, message: `No parameter "${key}" (it may have been deleted or archived)` });
        continue;
      }
      for (const error of validateValue(parameter.spec, value).errors) {
        problems.push({ path: error.path ? `${path}.${error.path}` : path, message: error.message });
      }
    }
  });
  return problems;
}

/** The parameters an experiment touches, as its environment has them. */
export async function parametersByKey(store: Store, keys: string[], environmentId: string): Promise<Map<string, Parameter>> {
  const found = await Promise.all(keys.map((key) => store.parameters.getByKey(key, environmentId)));
  return new Map(found.filter((p): p is Parameter => p !== null && p.archivedAt === null).map((p) => [p.key, p]));
}

/** References that must exist whenever the experiment is saved: its segment and its metrics. */
export async function referenceProblems(store: Store, experiment: Pick<Experiment, 'audience' | 'metrics'>): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (experiment.audience.kind === 'segment') {
    const segment = await store.segments.getById(experiment.audience.segmentId);
    if (!segment || segment.archivedAt !== null) problems.push({ path: 'audience.segmentId', message: 'No such segment (it may have been archived)' });
  }
  const { primary, secondary, guardrails } = experiment.metrics;
  const ids = [...new Set([primary, ...secondary, ...guardrails].filter((id): id is string => id !== null))];
  const known = new Set((await store.metrics.getByIds(ids)).map((m) => m.id));
  const check = (id: string | null, path: string) => {
    if (id !== null && !known.has(id)) problems.push({ path, message: 'No such metric' });
  };
  check(primary, 'metrics.primary');
  secondary.forEach((id, i) => check(id, `metrics.secondary.${i}`));
  guardrails.forEach((id, i) => check(id, `metrics.guardrails.${i}`));
  return problems;
}

/**
 * What stops an experiment from starting now (or being scheduled): everything saving checks, plus
 * at least one override, a schedule that makes sense, and room in its layer.
 */
export async function startProblems(store: Store, experiment: Experiment, now: Date, action: 'start' | 'schedule'): Promise<FieldError[]> {
  const problems = [...(await overrideProblems(store, experiment.variants, experiment.environmentId)), ...(await referenceProblems(store, experiment))];
  if (touchedKeys(experiment.variants).length === 0) {
    problems.push({ path: 'variants', message: 'Override at least one parameter in a variant: otherwise every variant is the same' });
  }
  if (action === 'schedule') {
    if (!experiment.startAt) problems.push({ path: 'startAt', message: 'Choose when the experiment starts' });
    else if (Date.parse(experiment.startAt) <= now.getTime()) problems.push({ path: 'startAt', message: 'Choose a start in the future, or start now' });
  }
  if (experiment.endAt && Date.parse(experiment.endAt) <= now.getTime()) problems.push({ path: 'endAt', message: 'The end has passed: choose a later end' });
  if (experiment.layer && !(await layerRangeFor(store, experiment))) {
    problems.push({ path: 'layer.share', message: `Layer "${experiment.layer.name}" has less than ${experiment.layer.share}% free: lower the share or end another experiment in it` });
  }
  return problems;
}

/** Experiments that hold a slice of a layer: started and not yet completed. */
const HOLDS_LAYER: readonly Experiment['status'][] = ['running', 'paused'];

/** The first free slice of the layer wide enough for this experiment's share, or null. */
export async function layerRangeFor(store: Store, experiment: Experiment): Promise<[number, number] | null> {
  if (!experiment.layer) return null;
  if (experiment.layerRange) return experiment.layerRange;
  // Layers split the users of one environment: other environments' experiments take no slice.
  const taken = (await store.experiments.list(HOLDS_LAYER, experiment.environmentId))
    .filter((e) => e.id !== experiment.id && e.layer?.name === experiment.layer!.name && e.layerRange)
    .map((e) => e.layerRange!)
    .sort((a, b) => a[0] - b[0]);
  const width = experiment.layer.share / 100;
  let start = 0;
  for (const [from, to] of taken) {
    if (from - start >= width - 1e-9) break;
    start = Math.max(start, to);
  }
  const end = Math.min(1, start + width);
  return end - start >= width - 1e-9 ? [start, end] : null;
}

/** While an experiment runs its variants (keys, count, overrides) and seed stay fixed. */
export function lockedVariantChanges(current: readonly Variant[], next: readonly Variant[]): boolean {
  if (current.length !== next.length) return true;
  return current.some((v, i) => v.key !== next[i].key || JSON.stringify(sortKeys(v.overrides)) !== JSON.stringify(sortKeys(next[i].overrides)));
}
const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
