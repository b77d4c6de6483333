/**
 * The guarded-rollout monitor's decision at one check: a pure function of the current step, the
 * users exposed during it and the guardrails' per-side statistics (issue 13).
 */
import type { GuardrailCheck, RolloutRules, RolloutStep } from '../../../shared/contract/rollouts';
import type { ArmStats } from '../../../shared/stats/sufficient-statistics';

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

export function decideRolloutCheck(input: RolloutCheckInput): RolloutDecisionResult {
  void input;
  throw new Error('not built yet');
}
