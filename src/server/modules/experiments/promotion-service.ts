import type { z } from 'zod';
import type { Experiment, promoteBodySchema, PromotionPlan } from '../../../shared/contract/experiments';
import type { Parameter, TargetingRule } from '../../../shared/contract/parameters';
import type { Reach, SegmentDefinition } from '../../../shared/contract/segments';
import { badRequest, conflict } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import type { Actor } from '../audit/audit-service';
import { NO_BYPASS, requireApprovalOrBypass, type WriteApproval } from '../environments/approval-guard';
import { computeReach } from '../audiences/reach-service';
import { saveVersion } from '../parameters/parameters-service';
import { parametersByKey, touchedKeys } from './experiment-checks';
import { assertNotManagedByRollout, experimentEventData, getExperiment, saveExperiment } from './experiments-service';
import { enforcePromotionCheck, promotionCheck } from './promotion-check';
import { emitWebhookEvent } from '../webhooks/emit';

type PromoteBody = z.output<typeof promoteBodySchema>;
type Audience = TargetingRule['audience'];

/** The definition reach is computed for: who a rule with this audience serves. */
export function reachDefinition(audience: Audience): SegmentDefinition {
  switch (audience.kind) {
    case 'everyone':
      return { kind: 'condition', condition: {} };
    case 'segment':
      return { kind: 'combination', combinator: 'or', include: [audience.segmentId], exclude: [] } as SegmentDefinition;
    case 'condition':
      return { kind: 'condition', condition: audience.condition };
  }
}

export async function audienceReach(services: Services, audience: Audience): Promise<Reach | null> {
  try {
    return await computeReach(services, services.userSample, reachDefinition(audience));
  } catch {
    return null; // e.g. a segment archived since: the plan still shows, without a figure
  }
}

export async function audienceLabel(store: Store, audience: Audience): Promise<string> {
  if (audience.kind === 'everyone') return 'Everyone';
  if (audience.kind === 'condition') return 'The custom condition';
  const segment = await store.segments.getById(audience.segmentId);
  return `Segment "${segment?.name ?? audience.segmentId}"`;
}

export async function resolveAudience(store: Store, experiment: Experiment, requested: PromoteBody['audience']): Promise<Audience> {
  if (requested.kind === 'experiment') return experiment.audience;
  if (requested.kind === 'everyone') return { kind: 'everyone' };
  const segment = await store.segments.getById(requested.segmentId);
  if (!segment || segment.archivedAt !== null) throw badRequest('Choose an active segment', [{ path: 'audience.segmentId', message: 'No such segment' }]);
  return { kind: 'segment', segmentId: requested.segmentId };
}

export interface Change {
  parameter: Parameter;
  after: unknown;
}

/** What promoting `variant` changes: each parameter the experiment touches whose value differs from its default. */
export function plannedChanges(experiment: Experiment, variantKey: string, parameters: Map<string, Parameter>): Change[] {
  const variant = experiment.variants.find((v) => v.key === variantKey)!;
  return touchedKeys(experiment.variants).flatMap((key) => {
    const parameter = parameters.get(key);
    if (!parameter) return [];
    const after = key in variant.overrides ? variant.overrides[key] : parameter.defaultValue;
    return JSON.stringify(after) === JSON.stringify(parameter.defaultValue) && parameter.rules.length === 0 ? [] : [{ parameter, after }];
  });
}

/**
 * Promotes the winning variant: its values become a targeting rule (first in order) on every
 * parameter it changes, for the chosen audience, and the experiment completes. A dry run only
 * reports the plan (the confirmation step).
 */
export async function promoteWinner(services: Services, id: string, body: PromoteBody, actor: Actor, approval?: WriteApproval): Promise<PromotionPlan> {
  // Read the results before the write transaction (they query the store themselves); the
  // transaction still checks expectedVersion, so a change in between is refused.
  const current = await getExperiment(services.store, id);
  assertNotManagedByRollout(current);
  await checkPromotionRisk(services, current, body);
  const run = async (store: Store) => {
    if (!body.dryRun) {
      const object = { type: 'experiment' as const, id: current.id, label: current.key };
      await requireApprovalOrBypass(store, services, actor, current.environmentId, `promoting the winner of "${current.name}"`, approval ?? NO_BYPASS, object);
    }
    return promoteIn(store, services, id, body, actor);
  };
  const { plan, audience } = body.dryRun ? await run(services.store) : await services.store.transaction(run);
  if (!body.dryRun) services.configChanged();
  return { ...plan, reach: await audienceReach(services, audience) };
}

/** Refuses a risky promotion (not a clear winner, a worse guardrail, a skewed split) without the typed phrase. */
export async function checkPromotionRisk(services: Services, experiment: Experiment, body: Pick<PromoteBody, 'variant' | 'confirmRisk' | 'dryRun'>): Promise<void> {
  if (['running', 'paused', 'completed'].includes(experiment.status) && experiment.variants.some((v) => v.key === body.variant)) {
    enforcePromotionCheck(await promotionCheck(services, experiment), body.variant, body.confirmRisk, body.dryRun);
  }
}

/** The promotion inside a caller's transaction (a published change request runs it in its own); the plan, without reach. */
export async function promoteIn(store: Store, services: Services, id: string, body: PromoteBody, actor: Actor): Promise<{ plan: PromotionPlan; audience: Audience }> {
  let audience: Audience = { kind: 'everyone' };
  const run = async (): Promise<PromotionPlan> => {
    const experiment = await getExperiment(store, id);
    if (experiment.version !== body.expectedVersion) {
      throw conflict('Someone else changed this experiment after you opened it. Reload, then promote.', undefined, { current: experiment });
    }
    if (!['running', 'paused', 'completed'].includes(experiment.status)) {
      throw conflict(`A ${experiment.status} experiment has no winner to promote`, [{ path: 'variant', message: 'Start the experiment first' }]);
    }
    if (experiment.promotion && !experiment.promotion.undoneAt) {
      throw conflict(`Variant ${experiment.promotion.variant} was promoted already; undo that first`, [{ path: 'variant', message: 'Already promoted' }]);
    }
    if (!experiment.variants.some((v) => v.key === body.variant)) {
      throw badRequest('Choose one of the experiment\'s variants', [{ path: 'variant', message: 'No such variant' }]);
    }
    audience = await resolveAudience(store, experiment, body.audience);
    const parameters = await parametersByKey(store, touchedKeys(experiment.variants), experiment.environmentId);
    const changes = plannedChanges(experiment, body.variant, parameters);
    const plan = {
      changes: changes.map((c) => ({ parameterKey: c.parameter.key, parameterName: c.parameter.name, before: c.parameter.defaultValue, after: c.after })),
      audienceLabel: await audienceLabel(store, audience),
    };
    if (body.dryRun) return { dryRun: true, ...plan, reach: null, experiment };

    const now = services.clock.now().toISOString();
    const variantName = experiment.variants.find((v) => v.key === body.variant)!.name;
    const rules: { parameterKey: string; ruleId: string }[] = [];
    for (const { parameter, after } of changes) {
      const rule: TargetingRule = {
        id: `promoted-${crypto.randomUUID().slice(0, 8)}`,
        description: experiment.rolloutId ? `Guarded rollout "${experiment.name.replace(/^Rollout: /, '')}"` : `Winner of "${experiment.name}": ${variantName}`,
        audience,
        value: after,
        rollout: 100,
        enabled: true,
      };
      await saveVersion(store, services, actor, parameter, { ...parameter, rules: [rule, ...parameter.rules], updatedAt: now, updatedBy: actor.name }, 'updated');
      rules.push({ parameterKey: parameter.key, ruleId: rule.id });
    }
    const completes = experiment.status !== 'completed';
    const next: Experiment = {
      ...experiment,
      status: 'completed',
      endedAt: completes ? now : experiment.endedAt,
      promotion: { variant: body.variant, audience, at: now, by: actor.name, rules, undoneAt: null },
      updatedAt: now,
      updatedBy: actor.name,
      version: experiment.version + 1,
    };
    const saved = await saveExperiment(store, services, actor, 'promoted', experiment, next);
    if (completes) await emitWebhookEvent(services, saved.environmentId, 'experiment.completed', { ...experimentEventData(saved, actor), promotedVariant: body.variant }, store);
    return { dryRun: false, ...plan, reach: null, experiment: saved };
  };
  const plan = await run();
  return { plan, audience };
}

/** Takes the promoted rules out again (the rules as they were before); the experiment stays completed. */
export async function undoPromotion(services: Services, id: string, expectedVersion: number, actor: Actor): Promise<Experiment> {
  const saved = await services.store.transaction(async (store) => {
    const experiment = await getExperiment(store, id);
    assertNotManagedByRollout(experiment);
    if (experiment.version !== expectedVersion) throw conflict('Someone else changed this experiment after you opened it. Reload, then undo.', undefined, { current: experiment });
    const promotion = experiment.promotion;
    if (!promotion || promotion.undoneAt) throw conflict('There is no promotion to undo');
    const now = services.clock.now().toISOString();
    for (const { parameterKey, ruleId } of promotion.rules) {
      const parameter = await store.parameters.getByKey(parameterKey, experiment.environmentId);
      if (!parameter || !parameter.rules.some((r) => r.id === ruleId)) continue; // removed by hand since
      await saveVersion(store, services, actor, parameter, { ...parameter, rules: parameter.rules.filter((r) => r.id !== ruleId), updatedAt: now, updatedBy: actor.name }, 'updated');
    }
    const next: Experiment = { ...experiment, promotion: { ...promotion, undoneAt: now }, updatedAt: now, updatedBy: actor.name, version: experiment.version + 1 };
    return saveExperiment(store, services, actor, 'promotion-undone', experiment, next);
  });
  services.configChanged();
  return saved;
}
