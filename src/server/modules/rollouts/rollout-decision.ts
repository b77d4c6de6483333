/**
 * The guarded-rollout monitor's decision at one check: a pure function of the current step, the
 * users exposed during it and the guardrails' per-side statistics (issue 13).
 *
 * In order: clear harm on any guardrail rolls back; so does a sample ratio mismatch among the
 * step's users when the rules say so; otherwise the step advances (or the rollout completes at
 * the last step) once its minimum time and users are met, and holds until then.
 */
import type { GuardrailCheck, RolloutRules, RolloutStep } from '../../../shared/contract/rollouts';
import { SRM_P_THRESHOLD } from '../../../shared/stats/srm';
import type { ArmStats } from '../../../shared/stats/sufficient-statistics';
import { harmAlphaPerTest, harmChecks } from './rollout-decision-harm';
import { checkStepSrm, describeSrm } from './rollout-decision-srm';
import { describeHarm, formatCount, plural, stepName } from './rollout-decision-words';

/**
 * One guardrail's statistics per side. The monitor gives those of users first exposed during the
 * current step, so each step is a fresh comparison (and the 100% step has no old side).
 */
export interface GuardrailInput {
  metricId: string;
  metricName: string;
  higherIsBetter: boolean;
  old: ArmStats;
  new: ArmStats;
}

export interface RolloutCheckInput {
  stepIndex: number;
  steps: RolloutStep[];
  minutesInStep: number;
  /** Users first exposed during the current step, per side. */
  stepUsers: { old: number; new: number };
  /** The current step's percent / 100. */
  expectedNewShare: number;
  guardrails: GuardrailInput[];
  rules: RolloutRules;
}

export interface RolloutDecisionResult {
  decision: 'advance' | 'hold' | 'roll_back' | 'complete';
  /** The decision in plain words with its numbers. */
  summary: string;
  srmPValue: number | null;
  guardrails: GuardrailCheck[];
}

/** Below this always-valid p-value the step's split counts as a sample ratio mismatch. */
export const ROLLOUT_SRM_THRESHOLD = SRM_P_THRESHOLD;

export function decideRolloutCheck(input: RolloutCheckInput): RolloutDecisionResult {
  const { stepIndex, steps, minutesInStep, stepUsers, rules } = input;
  const step = steps[stepIndex];
  if (!step) throw new RangeError(`stepIndex ${stepIndex} is outside the ${steps.length} steps`);
  const guardrails = harmChecks(input.guardrails, harmAlphaPerTest(rules.harmAlpha, input.guardrails.length, steps));
  const srm = checkStepSrm(stepUsers, input.expectedNewShare);
  const srmPValue = srm?.pValue ?? null;
  const mismatch = srm !== null && srm.pValue < ROLLOUT_SRM_THRESHOLD;
  const decide = (decision: RolloutDecisionResult['decision'], summary: string): RolloutDecisionResult => ({
    decision,
    summary,
    srmPValue,
    guardrails,
  });

  const harmful = guardrails.filter((g) => g.harmful);
  if (harmful.length > 0) {
    const also = mismatch ? ` ${describeSrm(srm, stepIndex)}.` : '';
    return decide('roll_back', `${harmful.map(describeHarm).join('; ')}: rolled back.${also}`);
  }
  if (mismatch && rules.rollBackOnSrm) return decide('roll_back', `${describeSrm(srm, stepIndex)}: rolled back.`);
  const srmNote = mismatch ? ` ${describeSrm(srm, stepIndex)} (not rolled back: the rules say to keep going).` : '';

  // Everyone has the new value at 100%, so no users are left to compare there: only time counts.
  const everyone = step.percent >= 100;
  const users = stepUsers.old + stepUsers.new;
  const usersShort = !everyone && users < step.minUsers;
  const timeShort = minutesInStep < step.minMinutes;
  if (usersShort || timeShort) {
    const needs: string[] = [];
    if (usersShort) needs.push(`${formatCount(users)} of ${formatCount(step.minUsers)} users needed`);
    if (timeShort) needs.push(`${formatCount(Math.floor(minutesInStep))} of ${plural(step.minMinutes, 'minute', 'minutes')} passed`);
    const why = everyone ? ' (everyone has the new value, so there is no old side to compare and only time counts)' : '';
    return decide('hold', `${stepName(stepIndex)} held: ${needs.join(', ')}${why}.${srmNote}`);
  }

  const lastStep = stepIndex === steps.length - 1;
  const verdict = noHarmWords(guardrails);
  if (everyone) {
    // Guardrails given for this step alone have no old users left to compare with.
    const compared = guardrails.some((g) => g.interval !== null) ? ` ${verdict};` : '';
    return decide(
      lastStep ? 'complete' : 'advance',
      `${stepName(stepIndex)} (100%) done: everyone has the new value, so there is no old side left to compare;${compared} ${lastStep ? 'rollout complete' : 'advancing'}.${srmNote}`,
    );
  }
  const passed = `${stepName(stepIndex)} (${step.percent}%) passed with ${plural(users, 'user', 'users')} over ${plural(Math.floor(minutesInStep), 'minute', 'minutes')}; ${verdict}`;
  if (lastStep) return decide('complete', `${passed}; rollout complete.${srmNote}`);
  return decide('advance', `${passed}; advancing to ${steps[stepIndex + 1].percent}%.${srmNote}`);
}

function noHarmWords(guardrails: GuardrailCheck[]): string {
  if (guardrails.length === 0) return 'no guardrails to watch';
  const compared = guardrails.filter((g) => g.interval !== null).length;
  const of = `no harm on ${plural(guardrails.length, 'guardrail', 'guardrails')}`;
  return compared === guardrails.length ? of : `${of} (${formatCount(compared)} with enough data to compare)`;
}
