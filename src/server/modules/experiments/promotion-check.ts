import type { Experiment, PromotionCheck, PromotionRisk } from '../../../shared/contract/experiments';
import { resultsQuerySchema, type ExperimentResults, type MetricResult } from '../../../shared/contract/results';
import { conflict } from '../../lib/errors';
import type { Services } from '../../services';
import { liftWithInterval, pValueText } from '../results/results-format';
import { experimentResults } from '../results/results-service';

type Check = PromotionCheck['variants'][number];
type MetricVerdict = NonNullable<Check['primary']>;

const verdictWords: Record<MetricVerdict['verdict'], string> = {
  winning: 'Better',
  losing: 'Worse',
  'no-difference': 'No difference',
  'not-enough-data': 'Not enough data',
};

/** The verdict of one variant on one metric, as the results page says it (control: against the best treatment). */
function verdictOn(metric: MetricResult, variantKey: string, isControl: boolean): MetricVerdict {
  if (isControl) {
    const treatments = metric.arms.slice(1).map((arm) => arm.comparison);
    const verdict = treatments.length > 0 && treatments.every((c) => c?.verdict === 'losing') ? 'winning'
      : treatments.some((c) => c?.verdict === 'winning') ? 'losing'
      : treatments.every((c) => c === null || c.verdict === 'not-enough-data') ? 'not-enough-data' : 'no-difference';
    return { metricName: metric.name, verdict, summary: `${verdictWords[verdict]} than the other variants` };
  }
  const comparison = metric.arms.find((arm) => arm.variant === variantKey)?.comparison ?? null;
  if (!comparison) return { metricName: metric.name, verdict: 'not-enough-data', summary: 'Not enough data' };
  const odds = comparison.chanceToWin !== null ? `, ${Math.floor(comparison.chanceToWin * 1000) / 10}% chance to beat control`
    : comparison.pValue !== null ? `, ${pValueText(comparison.pValue)}` : '';
  return { metricName: metric.name, verdict: comparison.verdict, summary: `${verdictWords[comparison.verdict]}: ${liftWithInterval(comparison.relative)} against control${odds}` };
}

function checkVariant(results: ExperimentResults, experiment: Experiment, index: number): Check {
  const variant = experiment.variants[index];
  const isControl = index === 0;
  const primaryMetric = results.metrics.find((m) => m.role === 'primary');
  const primary = primaryMetric ? verdictOn(primaryMetric, variant.key, isControl) : null;
  const guardrails = results.metrics.filter((m) => m.role === 'guardrail').map((m) => verdictOn(m, variant.key, isControl));
  const risks: PromotionRisk[] = [];
  if (!primary) {
    risks.push({ code: 'no-primary-metric', message: 'The experiment has no primary metric, so no variant is a proven winner.' });
  } else if (primary.verdict !== 'winning') {
    risks.push({ code: 'not-significant', message: `${variant.name} is not a significant winner on ${primary.metricName} (${primary.summary.charAt(0).toLowerCase()}${primary.summary.slice(1)}): it may do no better, or worse, than what users get now.` });
  }
  // For control the guardrails compare the treatments with it: its own are "worse" only when it loses them.
  for (const guardrail of guardrails.filter((g) => g.verdict === 'losing')) {
    risks.push({ code: 'guardrail-worse', message: `${variant.name} makes the guardrail ${guardrail.metricName} worse (${guardrail.summary}).` });
  }
  if (results.srm.mismatch) {
    risks.push({ code: 'sample-ratio-mismatch', message: 'The traffic split is not what was configured (sample ratio mismatch), so these results may be wrong.' });
  }
  return {
    key: variant.key,
    name: variant.name,
    significantWinner: primary?.verdict === 'winning',
    primary,
    guardrails,
    risks,
    confirmPhrase: risks.length > 0 ? `promote ${variant.key} anyway` : null,
  };
}

/** Reads the results with default settings and says, per variant, whether promoting it is backed by them. */
export async function promotionCheck(services: Services, experiment: Experiment): Promise<PromotionCheck> {
  await services.exposures.flush(); // exposures recorded by evaluation are buffered
  const results = await experimentResults(services, experiment.id, resultsQuerySchema.parse({}));
  const exposedUsers = results.variants.reduce((sum, v) => sum + v.users, 0);
  const variants = experiment.variants.map((_, i) => checkVariant(results, experiment, i));
  const winner = variants.find((v) => v.significantWinner && v.risks.length === 0) ?? null;
  return {
    exposedUsers,
    blocked: exposedUsers === 0 ? 'No one has been exposed to this experiment yet, so there is no result to promote.' : null,
    recommended: winner?.key ?? null,
    variants,
  };
}

/** The API's guard: no promotion without exposures, and none at risk without the typed phrase. */
export function enforcePromotionCheck(check: PromotionCheck, variantKey: string, confirmRisk: string | undefined, dryRun: boolean): void {
  if (check.blocked) throw conflict(check.blocked, [{ path: 'variant', message: 'No exposed users yet' }]);
  const variant = check.variants.find((v) => v.key === variantKey);
  if (dryRun || !variant?.confirmPhrase) return;
  if (confirmRisk?.trim().toLowerCase() === variant.confirmPhrase) return;
  const risks = variant.risks.map((r) => r.message).join(' ');
  throw conflict(`Promoting ${variant.name} is risky: ${risks} Type "${variant.confirmPhrase}" in confirmRisk to promote it anyway.`, [
    { path: 'confirmRisk', message: `Type "${variant.confirmPhrase}" to accept: ${variant.risks.map((r) => r.code).join(', ')}` },
  ], { risks: variant.risks });
}
