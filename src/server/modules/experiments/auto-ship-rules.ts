import type { FieldError } from '../../../shared/contract/common';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Store } from '../../store/types';

/**
 * Why auto-ship cannot be on for this experiment as it would be saved. It ships by itself, so
 * it needs a primary metric to find a winner on, and an environment where a change may go out
 * without approval: where approval is required a change request must carry the promotion, and
 * nobody would be there to approve it when the winner is found.
 */
export async function autoShipProblems(store: Store, experiment: Pick<Experiment, 'autoShip' | 'metrics' | 'environmentId'>): Promise<FieldError[]> {
  if (!experiment.autoShip?.enabled) return [];
  const problems: FieldError[] = [];
  if (!experiment.metrics.primary) {
    problems.push({ path: 'autoShip.enabled', message: 'Choose a primary metric first: auto-ship ships the variant that wins on it' });
  }
  const environment = await store.environments.getById(experiment.environmentId);
  if (environment?.requiresApproval) {
    problems.push({
      path: 'autoShip.enabled',
      message: `${environment.name} requires approval for changes, so auto-ship cannot ship by itself there: promote the winner through a change request instead`,
    });
  }
  return problems;
}
