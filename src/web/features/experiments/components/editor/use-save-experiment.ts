import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { FieldError } from '../../../../../shared/contract/common';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { errorMessage, isApiError } from '../../../../lib/api-error';
import { SERVER_ERROR_KEY } from '../../../../lib/apply-field-errors';
import { useCreateExperiment } from '../../api/create-experiment';
import { isExperimentConflict, useUpdateExperiment } from '../../api/update-experiment';
import { changedFields, valuesOf, type ExperimentFormInput, type ExperimentFormValues } from '../../utils/experiment-form';
import { routeServerErrors } from '../../utils/server-errors';
import { firstStepWith, type EditorStepId } from './steps';

export type SaveOutcome = { kind: 'created'; experiment: Experiment } | { kind: 'saved'; experiment: Experiment } | { kind: 'unchanged' } | { kind: 'failed'; step: EditorStepId | null };

/**
 * Saves the editor's values: POST for a new draft, else PATCH of the changed fields with the
 * version the person started from. Field errors go beside their inputs (overrides to their value
 * editors); a stale version opens the conflict choice; warnings (mixing populations) are kept.
 */
export function useSaveExperiment(experiment: Experiment | undefined, form: UseFormReturn<ExperimentFormInput, unknown, ExperimentFormValues>, environmentId: string) {
  const create = useCreateExperiment();
  const update = useUpdateExperiment(experiment?.id ?? '');
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [conflict, setConflict] = useState<{ current: Experiment; changes: ReturnType<typeof changedFields> } | null>(null);

  const fail = (error: unknown): SaveOutcome => {
    const routed = routeServerErrors(isApiError(error) ? error.fieldErrors : []);
    routed.fields.forEach((fieldError, i) => form.setError(fieldError.path as never, { type: 'server', message: fieldError.message }, { shouldFocus: i === 0 }));
    setServerErrors(routed.overrides);
    if (routed.fields.length + routed.overrides.length === 0 || routed.unplaced.length > 0) {
      const details = routed.unplaced.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
      form.setError(SERVER_ERROR_KEY, { type: 'server', message: details ? `${errorMessage(error)} Details: ${details}.` : errorMessage(error) });
    } else {
      form.setError(SERVER_ERROR_KEY, { type: 'server', message: 'The experiment was not saved: see the messages beside the fields.' });
    }
    return { kind: 'failed', step: firstStepWith([...routed.fields, ...routed.overrides].map((e) => e.path)) };
  };

  const patch = async (changes: ReturnType<typeof changedFields>, expectedVersion: number): Promise<SaveOutcome> => {
    try {
      const result = await update.mutateAsync({ ...changes, expectedVersion });
      form.reset(valuesOf(result.experiment));
      setConflict(null);
      setWarnings(result.warnings);
      return { kind: 'saved', experiment: result.experiment };
    } catch (error) {
      if (isExperimentConflict(error)) {
        setConflict({ current: error.current, changes });
        return { kind: 'failed', step: null };
      }
      setConflict(null);
      return fail(error);
    }
  };

  const save = async (values: ExperimentFormValues): Promise<SaveOutcome> => {
    setServerErrors([]);
    form.clearErrors(SERVER_ERROR_KEY);
    if (!experiment) {
      try {
        const created = await create.mutateAsync({ ...values, environmentId });
        return { kind: 'created', experiment: created };
      } catch (error) {
        return fail(error);
      }
    }
    const changes = changedFields(experiment, values);
    if (Object.keys(changes).length === 0) return { kind: 'unchanged' };
    return patch(changes, experiment.version);
  };

  return {
    save,
    saving: create.isPending || update.isPending,
    serverErrors,
    clearServerErrors: () => setServerErrors([]),
    warnings,
    conflict,
    overwrite: () => (conflict ? patch(conflict.changes, conflict.current.version) : Promise.resolve<SaveOutcome>({ kind: 'unchanged' })),
    dismissConflict: () => setConflict(null),
    conflictError: conflict && !isExperimentConflict(update.error) ? update.error : undefined,
  };
}
