import { DEFAULT_AUTO_SHIP_MIN_DAYS, type AutoShipSettings, type Experiment } from '../../../../shared/contract/experiments';
import { DEFAULT_ROLLOUT_STEPS } from '../../../../shared/contract/rollouts';

const DAY_MS = 24 * 60 * 60_000;

/** "10 → 25 → 50 → 100%": the steps auto-ship rolls out with (the guarded rollout's defaults). */
export const autoShipStepsText = `${DEFAULT_ROLLOUT_STEPS.map((step) => step.percent).join(' → ')}%`;

export const autoShipAudienceText = (audience: AutoShipSettings['audience']) => (audience === 'everyone' ? 'everyone' : "the experiment's audience");

export const defaultAutoShip: AutoShipSettings = { enabled: true, minDays: DEFAULT_AUTO_SHIP_MIN_DAYS, audience: 'experiment' };

/** The first moment auto-ship may ship (the start plus the minimum days), null before the start. */
export function autoShipFrom(experiment: Pick<Experiment, 'startedAt' | 'autoShip'>): Date | null {
  if (!experiment.startedAt || !experiment.autoShip) return null;
  return new Date(Date.parse(experiment.startedAt) + experiment.autoShip.minDays * DAY_MS);
}

/** "12 Dec 2026": the day, in the viewer's locale and time zone. */
export const dayText = (date: Date) => date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
