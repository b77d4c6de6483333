import type { z } from 'zod';
import type { FieldError } from '../../../shared/contract/common';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Parameter, TargetingRule } from '../../../shared/contract/parameters';
import type { Rollout, RolloutLogEntry, RolloutRules, RolloutStatus, RolloutStep, createRolloutBodySchema } from '../../../shared/contract/rollouts';
import { validateValue } from '../../../shared/values';
import { randomId, randomToken } from '../../lib/crypto';
import { badRequest, conflict, notFound } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import { recordAudit, type Actor } from '../audit/audit-service';
import { NO_BYPASS, requireApprovalOrBypass, type WriteApproval } from '../environments/approval-guard';
import { resolveEnvironment, writableEnvironment } from '../environments/environments-service';
import { saveExperiment } from '../experiments/experiments-service';
import { audienceLabel } from '../experiments/promotion-service';
import { ROLLOUT_OLD_VARIANT } from '../../../shared/evaluation/experiments';

type CreateBody = z.output<typeof createRolloutBodySchema>;
type Audience = TargetingRule['audience'];

/** The old side passes through to the parameter's own rules and default (evaluation's pass-through variant). */
export const OLD = ROLLOUT_OLD_VARIANT;
export const NEW = 'new';
const MINUTE = 60_000;

export async function getRollout(store: Store, id: string): Promise<Rollout> {
  const rollout = await store.rollouts.getById(id);
  if (!rollout) throw notFound('No such rollout');
  return rollout;
}

export async function listRollouts(services: Services, query: { environment?: string; status?: RolloutStatus; parameterKey?: string }): Promise<Rollout[]> {
  const environmentId = query.environment ? (await resolveEnvironment(services.store, query.environment)).id : undefined;
  const all = await services.store.rollouts.list({ environmentId, status: query.status });
  return query.parameterKey ? all.filter((r) => r.changes.some((c) => c.parameterKey === query.parameterKey)) : all;
}

/** Writes the rollout (compare-and-set on its version) with its audit entry. */
export async function saveRollout(store: Store, services: Services, actor: Actor, action: string, before: Rollout | null, next: Rollout): Promise<Rollout> {
  if (before === null) await store.rollouts.insert(next);
  else if (!(await store.rollouts.update(next, before.version))) throw staleRollout(await store.rollouts.getById(next.id));
  await recordAudit(store, services.clock.now(), {
    actor,
    action: `rollout.${action}`,
    objectType: 'rollout',
    objectId: next.id,
    objectLabel: next.name,
    before,
    after: next,
  });
  return next;
}

export const staleRollout = (current: Rollout | null) =>
  conflict('Someone else (or the monitor) changed this rollout after you opened it. Reload, then try again.', undefined, { current });

export const logEntry = (at: string, kind: RolloutLogEntry['kind'], stepIndex: number, message: string, by: string | null): RolloutLogEntry => ({ at, kind, stepIndex, message, by });

export const nextCheckAfter = (now: Date, rules: RolloutRules) => new Date(now.getTime() + rules.checkEveryMinutes * MINUTE).toISOString();

/** The backing experiment's two variants at a step's percent: `old` first, so raising the percent moves users only from old to new. */
export function variantsAt(percent: number, overrides: Record<string, unknown>): Experiment['variants'] {
  return [
    { key: OLD, name: 'Old values', weight: 100 - percent, overrides: {} },
    { key: NEW, name: 'New values', weight: percent, overrides },
  ];
}

/** The parameters to change, as their environment has them: each must exist and the value fit its type. */
async function validatedChanges(store: Store, environmentId: string, changes: { parameterKey: string; value: unknown }[]): Promise<{ parameter: Parameter; after: unknown }[]> {
  const problems: FieldError[] = [];
  const found: { parameter: Parameter; after: unknown }[] = [];
  const seen = new Set<string>();
  for (const [i, change] of changes.entries()) {
    const parameter = await store.parameters.getByKey(change.parameterKey, environmentId);
    if (seen.has(change.parameterKey)) problems.push({ path: `changes.${i}.parameterKey`, message: 'This parameter is listed twice' });
    seen.add(change.parameterKey);
    if (!parameter || parameter.archivedAt !== null) {
      problems.push({ path: `changes.${i}.parameterKey`, message: `No parameter "${change.parameterKey}" (it may have been deleted or archived)` });
      continue;
    }
    for (const error of validateValue(parameter.spec, change.value).errors) {
      problems.push({ path: error.path ? `changes.${i}.value.${error.path}` : `changes.${i}.value`, message: error.message });
    }
    found.push({ parameter, after: change.value });
  }
  if (problems.length > 0) throw badRequest('The rollout has invalid changes', problems);
  return found;
}

/** The audience's segment and the guardrail metrics must exist. */
async function referenceProblems(store: Store, audience: Audience, guardrails: string[], guardrailsPath: string): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (audience.kind === 'segment') {
    const segment = await store.segments.getById(audience.segmentId);
    if (!segment || segment.archivedAt !== null) problems.push({ path: 'audience.segmentId', message: 'No such segment (it may have been archived)' });
  }
  const metrics = new Map((await store.metrics.getByIds(guardrails)).map((m) => [m.id, m]));
  guardrails.forEach((id, i) => {
    const metric = metrics.get(id);
    if (!metric || metric.archivedAt !== null) problems.push({ path: `${guardrailsPath}.${i}`, message: 'No such metric (it may have been archived)' });
  });
  return problems;
}

/** A parameter in a live experiment or rollout of the environment takes no second one: their splits would fight. */
async function assertParametersFree(store: Store, environmentId: string, keys: string[]): Promise<void> {
  const live = await store.experiments.list(['running', 'paused'], environmentId);
  const problems: FieldError[] = [];
  const names: string[] = [];
  for (const [i, key] of keys.entries()) {
    const holder = live.find((e) => e.variants.some((v) => key in v.overrides));
    if (!holder) continue;
    const rollout = holder.rolloutId ? await store.rollouts.getById(holder.rolloutId) : null;
    const what = rollout ? `the rollout "${rollout.name}"` : `the experiment "${holder.name}"`;
    names.push(`"${key}" is in ${what}`);
    problems.push({ path: `changes.${i}.parameterKey`, message: `Already in ${what}: end it first` });
  }
  if (problems.length > 0) throw conflict(`${names.join('; ')}. A parameter can be in one running experiment or rollout at a time.`, problems);
}

export interface RolloutPlan {
  environmentId: string;
  name: string;
  audience: Audience;
  changes: { parameterKey: string; value: unknown }[];
  steps: RolloutStep[];
  guardrails: string[];
  rules: RolloutRules;
  source: Rollout['source'];
  /** Where the guardrails came from in the request body, for field errors. */
  guardrailsPath: string;
}

/**
 * Starts a rollout inside the caller's transaction: the hidden two-variant experiment (running
 * at the first step's percent) and the rollout that steers it. Approval is the caller's check.
 */
export async function startRolloutIn(store: Store, services: Services, actor: Actor, plan: RolloutPlan): Promise<Rollout> {
  const changes = await validatedChanges(store, plan.environmentId, plan.changes);
  const problems = await referenceProblems(store, plan.audience, plan.guardrails, plan.guardrailsPath);
  if (problems.length > 0) throw badRequest('The rollout refers to something that does not exist', problems);
  await assertParametersFree(store, plan.environmentId, changes.map((c) => c.parameter.key));

  const now = services.clock.now();
  const at = now.toISOString();
  const id = randomId();
  const percent = plan.steps[0].percent;
  const experiment: Experiment = {
    id: randomId(),
    environmentId: plan.environmentId,
    key: `rollout-${id}`,
    name: `Rollout: ${plan.name}`,
    hypothesis: '',
    owner: actor.name,
    tags: [],
    status: 'running',
    audience: plan.audience,
    stickyMembership: true,
    allocation: 100,
    seed: randomToken(9),
    variants: variantsAt(percent, Object.fromEntries(changes.map((c) => [c.parameter.key, c.after]))),
    metrics: { primary: null, secondary: [], guardrails: plan.guardrails },
    startAt: null,
    endAt: null,
    layer: null,
    layerRange: null,
    testUsers: [],
    startedAt: at,
    endedAt: null,
    promotion: null,
    rolloutId: id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.name,
  };
  await saveExperiment(store, services, actor, 'created', null, experiment);
  const label = await audienceLabel(store, plan.audience);
  const rollout: Rollout = {
    id,
    environmentId: plan.environmentId,
    name: plan.name,
    status: 'running',
    source: plan.source,
    audience: plan.audience,
    changes: changes.map((c) => ({ parameterKey: c.parameter.key, parameterName: c.parameter.name, before: c.parameter.defaultValue, after: c.after })),
    steps: plan.steps,
    stepIndex: 0,
    stepStartedAt: at,
    guardrails: plan.guardrails,
    rules: plan.rules,
    experimentId: experiment.id,
    lastCheck: null,
    nextCheckAt: nextCheckAfter(now, plan.rules),
    log: [logEntry(at, 'started', 0, `Started: ${percent}% of ${label.charAt(0).toLowerCase()}${label.slice(1)} get the new values; the rest keep the old ones and are the comparison.`, actor.name)],
    version: 1,
    createdAt: at,
    createdBy: actor.name,
    updatedAt: at,
    endedAt: null,
  };
  return saveRollout(store, services, actor, 'started', null, rollout);
}

export async function createRollout(services: Services, environment: string | undefined, body: CreateBody, actor: Actor, approval: WriteApproval = NO_BYPASS): Promise<Rollout> {
  const saved = await services.store.transaction(async (store) => {
    const env = await writableEnvironment(store, environment, 'environment');
    await requireApprovalOrBypass(store, services, actor, env.id, `starting the rollout "${body.name}"`, approval, { type: 'rollout', id: 'new', label: body.name });
    return startRolloutIn(store, services, actor, {
      environmentId: env.id,
      name: body.name,
      audience: body.audience,
      changes: body.changes,
      steps: body.steps,
      guardrails: [...new Set(body.guardrails)],
      rules: body.rules,
      source: { kind: 'change' },
      guardrailsPath: 'guardrails',
    });
  });
  services.configChanged();
  return saved;
}
