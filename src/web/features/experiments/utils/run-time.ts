import { estimateRunTime as estimateShared } from '../../../../shared/stats';

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

/** The editor's form of the shared estimate (the results headline calls the same function with real traffic). */
export function estimateRunTime(inputs: RunTimeInputs): RunTimeEstimate {
  if (!(inputs.dailyUsers > 0)) return { ok: false, message: 'Enter how many users the audience has per day.' };
  const estimate = estimateShared({
    baseline: { kind: 'proportion', rate: inputs.baselinePercent / 100 },
    mde: inputs.mdePercent / 100,
    arms: inputs.arms,
    enteringPerDay: inputs.dailyUsers * (inputs.allocation / 100),
  });
  if (!estimate.ok) return { ok: false, message: estimate.problem === 'traffic' ? 'No traffic enters at this allocation.' : estimate.message };
  return { ok: true, perArm: estimate.perArm, total: estimate.total, enteringPerDay: estimate.enteringPerDay, days: estimate.totalDays };
}
