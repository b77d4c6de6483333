import type { Experiment } from '../../../shared/contract/experiments';
import type { Metric } from '../../../shared/contract/metrics';
import type { Parameter, TargetingRule } from '../../../shared/contract/parameters';
import type { ExperimentUse, ImpactWarning, Usage } from '../../../shared/contract/usage';
import { referencedSavedGroups, type Condition } from '../../../shared/targeting';
import type { Store } from '../../store/types';
import { referencesOf } from '../segments/segment-graph';

// Where parameters, segments and metrics are used, and the warnings a save that changes what a
// live experiment serves or measures answers with.

const LIVE: readonly Experiment['status'][] = ['running', 'paused'];
const use = (experiment: Experiment, how: string): ExperimentUse => ({
  id: experiment.id, key: experiment.key, name: experiment.name, status: experiment.status, how, live: LIVE.includes(experiment.status),
});
/** Segments are shared: their users are the rules of every environment's parameters. */
export async function activeInEveryEnvironment(store: Store): Promise<Parameter[]> {
  const environments = await store.environments.list();
  return (await Promise.all(environments.map((e) => store.parameters.listActive(e.id)))).flat();
}

const current = async (store: Store) => (await store.experiments.list()).filter((e) => e.status !== 'archived');

/** Where a parameter is used in its environment (the one it was read in). */
export async function parameterUsage(store: Store, parameter: Parameter): Promise<Usage> {
  const inEnvironment = (await current(store)).filter((e) => e.environmentId === parameter.environmentId);
  const experiments = inEnvironment.flatMap((experiment) => {
    const overriding = experiment.variants.filter((v) => parameter.key in v.overrides);
    if (overriding.length === 0) return [];
    // Variants without an override (usually control) serve the default and rules: those change with the parameter.
    return [use(experiment, `${overriding.map((v) => v.name).join(', ')} override it; the other variants get its default value and rules`)];
  });
  return { experiments, rules: [], segments: [] };
}

/** The segment and every segment that includes or excludes it, directly or through others: id -> the segment it goes through. */
async function dependents(store: Store, segmentId: string): Promise<{ closure: Map<string, string | null>; direct: { id: string; name: string }[]; names: Map<string, string> }> {
  const all = await store.segments.list(false);
  const names = new Map(all.map((s) => [s.id, s.name]));
  const closure = new Map<string, string | null>([[segmentId, null]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const segment of all) {
      if (closure.has(segment.id)) continue;
      if (referencesOf(segment.definition).some((ref) => closure.has(ref))) {
        closure.set(segment.id, segment.id);
        grew = true;
      }
    }
  }
  const direct = all.filter((s) => s.id !== segmentId && referencesOf(s.definition).includes(segmentId)).map((s) => ({ id: s.id, name: s.name }));
  return { closure, direct, names };
}

function audienceSegments(audience: TargetingRule['audience']): string[] {
  if (audience.kind === 'segment') return [audience.segmentId];
  if (audience.kind === 'condition') return [...referencedSavedGroups(audience.condition as Condition)];
  return [];
}

export async function segmentUsage(store: Store, segmentId: string): Promise<Usage> {
  const { closure, direct, names } = await dependents(store, segmentId);
  const through = (ids: string[]) => ids.find((id) => closure.has(id));
  const experiments = (await current(store)).flatMap((experiment) => {
    const hit = through(audienceSegments(experiment.audience));
    if (hit === undefined) return [];
    return [use(experiment, hit === segmentId ? 'its audience is this segment' : `its audience (segment "${names.get(hit) ?? hit}") includes this segment`)];
  });
  const rules = (await activeInEveryEnvironment(store)).flatMap((parameter) =>
    parameter.rules
      .filter((rule) => through(audienceSegments(rule.audience)) !== undefined)
      .map((rule) => ({
        parameterId: parameter.id,
        parameterKey: parameter.key,
        parameterName: parameter.name,
        ruleId: rule.id,
        description: rule.description ?? '',
        environmentId: parameter.environmentId,
      })),
  );
  return { experiments, rules, segments: direct };
}

export async function metricUsage(store: Store, metric: Metric): Promise<Usage> {
  const experiments = (await current(store)).flatMap((experiment) => {
    const { primary, secondary, guardrails } = experiment.metrics;
    const role = primary === metric.id ? 'primary metric' : secondary.includes(metric.id) ? 'secondary metric' : guardrails.includes(metric.id) ? 'guardrail' : null;
    return role ? [use(experiment, role)] : [];
  });
  return { experiments, rules: [], segments: [] };
}

/** One warning per live experiment in the usage; `change` says what the save did to it. */
export function liveWarnings(usage: Usage, change: string): ImpactWarning[] {
  return usage.experiments
    .filter((e) => e.live)
    .map((e) => ({ experimentId: e.id, experimentKey: e.key, experimentName: e.name, message: `"${e.name}" is ${e.status} (${e.how}): ${change}` }));
}

/** Whether the fields that decide what is served or measured differ between two versions. */
export const changedFields = <T extends object>(before: T, after: T, fields: readonly (keyof T)[]) =>
  fields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
