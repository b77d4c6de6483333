import type { z } from 'zod';
import type { updateMetricBodySchema } from '../../../shared/contract/metrics';
import type { updateParameterBodySchema } from '../../../shared/contract/parameters';
import type { updateSegmentBodySchema } from '../../../shared/contract/segments';
import type { Services } from '../../services';
import type { Actor } from '../audit/audit-service';
import { getMetric, updateMetric } from '../metrics/metrics-service';
import type { WriteApproval } from '../environments/approval-guard';
import { getParameter, updateParameter } from '../parameters/parameters-service';
import { getSegment, updateSegment } from '../segments/segments-service';
import { changedFields, liveWarnings, metricUsage, parameterUsage, segmentUsage } from './usage-service';

// The PATCH handlers of parameters, segments and metrics: the save succeeds as before, and the
// answer lists each running or paused experiment whose served values, audience or measurement it changed.

export async function updateParameterWithWarnings(
  services: Services,
  id: string,
  environmentId: string,
  body: z.output<typeof updateParameterBodySchema>,
  actor: Actor,
  approval?: WriteApproval,
) {
  const before = await getParameter(services, id, environmentId);
  const saved = await updateParameter(services, before.id, environmentId, body, actor, approval);
  const changed = changedFields(before, saved, ['defaultValue', 'rules', 'killed', 'spec']);
  const change = 'the variants that do not override this parameter (the control among them) now serve its new value, so the comparison changes mid-test.';
  return { ...saved, warnings: changed ? liveWarnings(await parameterUsage(services.store, saved), change) : [] };
}

export async function updateSegmentWithWarnings(services: Services, id: string, body: z.output<typeof updateSegmentBodySchema>, actor: Actor) {
  const before = await getSegment(services, id);
  const saved = await updateSegment(services, id, body, actor);
  const changed = changedFields(before, saved, ['definition', 'compiled']) || body.definition?.kind === 'ids';
  const change = 'its audience changes mid-test, so users who enter from now on differ from those before.';
  return { ...saved, warnings: changed ? liveWarnings(await segmentUsage(services.store, saved.id), change) : [] };
}

export async function updateMetricWithWarnings(services: Services, id: string, body: z.output<typeof updateMetricBodySchema>, actor: Actor) {
  const before = await getMetric(services, id);
  const saved = await updateMetric(services, id, body, actor);
  const changed = changedFields(before, saved, ['kind', 'event', 'filters', 'denominator', 'numeratorUsesValue', 'direction', 'windowHours', 'archivedAt']);
  const change = 'its results are now computed with the new definition, for the whole test.';
  return { ...saved, warnings: changed ? liveWarnings(await metricUsage(services.store, saved), change) : [] };
}
