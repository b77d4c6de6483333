import { sampleSizePerArm } from '../../../../shared/stats';

export interface RunTimeInputs {
  /** Conversion rate of the primary metric today, percent (3 = 3%). */
  baselinePercent: number;
  /** Smallest relative lift worth detecting, percent (10 = +10%). */
  mdePercent: number;
  /** Users in the audience per day. */
  dailyUsers: number;
  /** Percent of the audience that enters. */
  allocation: number;
  /** Variants including control. */
  arms: number;
}

export type RunTimeEstimate = { ok: true; perArm: number; total: number; enteringPerDay: number; days: number } | { ok: false; message: string };

/** Users needed (two-sided α = 0.05, power 0.8) and the days the entering traffic takes to supply them. */
export function estimateRunTime(inputs: RunTimeInputs): RunTimeEstimate {
  const rate = inputs.baselinePercent / 100;
  const mde = inputs.mdePercent / 100;
  if (!(rate > 0 && rate < 1)) return { ok: false, message: 'Enter a baseline conversion rate between 0% and 100%.' };
  if (!(mde > 0)) return { ok: false, message: 'Enter a minimum detectable effect above 0%.' };
  if (!(rate * (1 + mde) < 1)) return { ok: false, message: 'The baseline rate plus the effect must stay below 100%.' };
  if (!(inputs.dailyUsers > 0)) return { ok: false, message: 'Enter how many users the audience has per day.' };
  const size = sampleSizePerArm({ baseline: { kind: 'proportion', rate }, mde, arms: Math.max(2, inputs.arms) });
  const enteringPerDay = inputs.dailyUsers * (inputs.allocation / 100);
  if (!(enteringPerDay > 0)) return { ok: false, message: 'No traffic enters at this allocation.' };
  return { ok: true, perArm: size.perArm, total: size.total, enteringPerDay, days: Math.ceil(size.total / enteringPerDay) };
}
