import { experimentActions, transitions, type ExperimentAction, type ExperimentStatus } from '../../../../shared/contract/experiments';

export const statusLabels: Record<ExperimentStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  archived: 'Archived',
};

export const statusColors: Record<ExperimentStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  running: 'teal',
  paused: 'yellow',
  completed: 'grape',
  archived: 'dark',
};

export const actionLabels: Record<ExperimentAction, string> = {
  schedule: 'Schedule',
  unschedule: 'Unschedule',
  start: 'Start now',
  pause: 'Pause',
  resume: 'Resume',
  complete: 'Complete',
  archive: 'Archive',
};

/** The actions the server allows from `status`, in lifecycle order (the contract's `transitions` table). */
export function allowedActions(status: ExperimentStatus): ExperimentAction[] {
  return experimentActions.filter((action) => transitions[action].from.includes(status));
}

/** Running or paused: users are in it, so its variants are fixed. */
export function isLive(status: ExperimentStatus): boolean {
  return status === 'running' || status === 'paused';
}

/** Completed and archived experiments are kept as they ran. */
export function isFinished(status: ExperimentStatus): boolean {
  return status === 'completed' || status === 'archived';
}
