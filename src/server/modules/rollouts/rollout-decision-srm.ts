/**
 * The sample ratio check of a rollout step: were the users first exposed during the step split
 * between the sides as the step's percent says? Always valid (see shared/stats/sequential-srm),
 * because the monitor looks at the same step every few minutes.
 */
import { sequentialSrmPValue } from '../../../shared/stats/sequential-srm';
import { formatCount, formatPercent, formatPValue, stepName } from './rollout-decision-words';

export interface StepSrm {
  pValue: number;
  users: number;
  newUsers: number;
  expectedNewShare: number;
}

/** null when there is nothing to compare: everyone has the new value (100%), or no users yet. */
export function checkStepSrm(stepUsers: { old: number; new: number }, expectedNewShare: number): StepSrm | null {
  if (!(expectedNewShare > 0 && expectedNewShare < 1)) return null;
  const users = stepUsers.old + stepUsers.new;
  if (!(users > 0)) return null;
  const pValue = sequentialSrmPValue([stepUsers.old, stepUsers.new], [1 - expectedNewShare, expectedNewShare]);
  return { pValue, users, newUsers: stepUsers.new, expectedNewShare };
}

/** "Sample ratio mismatch in step 2: 1,412 of 5,000 users (28.2%) got the new value where 25.0% should (p < 0.0001)". */
export function describeSrm(srm: StepSrm, stepIndex: number): string {
  const share = formatPercent(srm.newUsers / srm.users);
  return (
    `Sample ratio mismatch in ${stepName(stepIndex).toLowerCase()}: ${formatCount(srm.newUsers)} of ${formatCount(srm.users)} users ` +
    `(${share}) got the new value where ${formatPercent(srm.expectedNewShare)} should (${formatPValue(srm.pValue)})`
  );
}
