import type { Rollout, RolloutAction, RolloutStatus } from '../../../../shared/contract/rollouts';

export const rolloutStatusLabels: Record<RolloutStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  rolled_back: 'Rolled back',
  completed: 'Completed',
};

const count = new Intl.NumberFormat('en-US');
export const formatCount = (value: number) => count.format(Math.round(value));

/** "25%", keeping a fraction only when the step has one (12.5%). */
export const formatStepPercent = (percent: number) => `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;

/** "Step 2 of 4 · 25%"; a finished rollout says where it ended. */
export function describeCurrentStep(rollout: Pick<Rollout, 'status' | 'steps' | 'stepIndex'>): string {
  const step = rollout.steps[rollout.stepIndex];
  if (rollout.status === 'completed') return 'Done · 100%';
  if (rollout.status === 'rolled_back') return `Stopped at step ${rollout.stepIndex + 1} of ${rollout.steps.length} · everyone has the old value`;
  return `Step ${rollout.stepIndex + 1} of ${rollout.steps.length} · ${formatStepPercent(step?.percent ?? 0)}`;
}

/** Whole minutes since `since` at `now`, never below zero. */
export function minutesSince(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
}

/** The current step's progress: "312 of 1,000 users · 40 of 60 min" (from the last check's user counts). */
export function describeStepProgress(rollout: Rollout, now: number): string {
  const step = rollout.steps[rollout.stepIndex];
  if (!step) return '';
  const check = rollout.lastCheck?.stepIndex === rollout.stepIndex ? rollout.lastCheck : null;
  const users = check ? check.stepUsers.old + check.stepUsers.new : 0;
  const minutes = minutesSince(rollout.stepStartedAt, now);
  const usersText = step.minUsers > 0 ? `${formatCount(users)} of ${formatCount(step.minUsers)} users` : `${formatCount(users)} users`;
  const timeText = step.minMinutes > 0 ? `${formatCount(Math.min(minutes, step.minMinutes))} of ${formatCount(step.minMinutes)} min` : `${formatCount(minutes)} min`;
  return `${usersText} · ${timeText}`;
}

export const actionLabels: Record<RolloutAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  advance: 'Advance now',
  roll_back: 'Roll back…',
  finish: 'Finish',
  check: 'Check now',
};

/** Why an action cannot be taken now, or null when it can. */
export function actionBlockedReason(rollout: Pick<Rollout, 'status' | 'steps' | 'stepIndex'>, action: RolloutAction, canEdit: boolean): string | null {
  if (!canEdit) return 'Viewers cannot change rollouts.';
  if (rollout.status === 'rolled_back') return 'The rollout was rolled back: everyone has the old value.';
  if (rollout.status === 'completed') return 'The rollout is finished: everyone in the audience has the new value.';
  const paused = rollout.status === 'paused';
  switch (action) {
    case 'pause':
      return paused ? 'Already paused.' : null;
    case 'resume':
      return paused ? null : 'It is running.';
    case 'advance':
      if (paused) return 'Resume it first: a paused rollout gives everyone the old value.';
      return rollout.stepIndex >= rollout.steps.length - 1 ? 'This is the last step: Finish ends the rollout.' : null;
    case 'check':
      return paused ? 'The monitor does not check a paused rollout: resume it first.' : null;
    default:
      return null;
  }
}
