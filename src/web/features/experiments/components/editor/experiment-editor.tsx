import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, Paper, Stack, Stepper, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconDeviceFloppy } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { FormError } from '../../../../components/form-error';
import { experimentFormSchema, newExperimentValues, overriddenKeys, valuesOf, type ExperimentFormInput, type ExperimentFormValues } from '../../utils/experiment-form';
import { isFinished, isLive } from '../../utils/status';
import { AudienceStep } from './audience-step';
import { BasicsStep } from './basics-step';
import { ConflictModal } from './conflict-modal';
import { EditorContext, type EditorContextValue, type EditorSlots } from './editor-context';
import { MetricsStep } from './metrics-step';
import { ReviewStep } from './review-step';
import { ScheduleStep } from './schedule-step';
import { editorSteps, firstStepWith, stepOfPath, type EditorStepId } from './steps';
import { TestUsersStep } from './test-users-step';
import { useSaveExperiment } from './use-save-experiment';
import { VariantsStep } from './variants-step';
import { readableAlertTitle } from '../alert-styles';

export interface ExperimentEditorProps extends EditorSlots {
  /** The saved experiment; absent on /experiments/new until the first save. */
  experiment?: Experiment;
  /** The environment a new experiment is created in (a saved one keeps its own). */
  environment: string;
  segments: readonly { id: string; name: string }[];
  canEdit: boolean;
  defaultOwner?: string;
  step: EditorStepId;
  onStepChange: (step: EditorStepId) => void;
  /** The first save made a draft: continue on its edit page at `step`. */
  onCreated: (experiment: Experiment, step: EditorStepId) => void;
  /** Replaces the cached experiment with someone else's saved version. */
  onReloaded: (current: Experiment) => void;
  /** Lifecycle buttons for the review step, once the draft is saved. */
  renderLaunch?: (experiment: Experiment) => ReactNode;
}

const notify = (message: string, color?: string) => notifications.show({ message, color, closeButtonProps: { 'aria-label': 'Close notification' } });

/** The experiment editor: one form over every step; drafts are saved to the server and edited with PATCH. */
export function ExperimentEditor(props: ExperimentEditorProps) {
  const { experiment, segments, canEdit, step, onStepChange, onCreated, onReloaded, renderLaunch } = props;
  const form = useForm<ExperimentFormInput, unknown, ExperimentFormValues>({
    resolver: zodResolver(experimentFormSchema),
    defaultValues: experiment ? valuesOf(experiment) : newExperimentValues(props.defaultOwner, props.environment),
  });
  const environment = experiment?.environmentId ?? props.environment;
  const saving = useSaveExperiment(experiment, form, environment);
  const [parameterKeys, setParameterKeys] = useState(() => overriddenKeys(experiment?.variants ?? []));
  const invalidIds = useRef(new Set<string>());
  const [anyInvalid, setAnyInvalid] = useState(false);
  const reportInvalid = useCallback((id: string, invalid: boolean) => {
    if (invalid) invalidIds.current.add(id);
    else invalidIds.current.delete(id);
    setAnyInvalid(invalidIds.current.size > 0);
  }, []);

  // Someone saved a new version (a lifecycle action, a reload): show it unless this person is mid-edit.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (experiment && !isDirty) form.reset(valuesOf(experiment));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the saved version changes
  }, [experiment?.version]);

  const status = experiment?.status ?? 'draft';
  const readOnly = !canEdit || isFinished(status);
  const context: EditorContextValue = {
    renderValueEditor: props.renderValueEditor,
    renderConditionEditor: props.renderConditionEditor,
    renderReach: props.renderReach,
    experiment,
    environment,
    segments,
    serverErrors: saving.serverErrors,
    variantsLocked: isLive(status),
    readOnly,
    reportInvalid,
  };

  const errorPaths = Object.keys(form.formState.errors).filter((key) => key !== 'root');
  const stepsWithErrors = new Set([...errorPaths, ...saving.serverErrors.map((e) => e.path)].map(stepOfPath));
  const index = editorSteps.findIndex((s) => s.id === step);
  const next = editorSteps[index + 1]?.id;

  const submit = (then: EditorStepId | null) =>
    form.handleSubmit(
      async (values) => {
        if (anyInvalid) return form.setError('root.server', { type: 'client', message: 'Finish what is marked in red first: a value or condition is incomplete or not valid yet.' });
        const outcome = await saving.save(values);
        if (outcome.kind === 'created') {
          notify(`Draft “${outcome.experiment.name}” saved`, 'teal');
          return onCreated(outcome.experiment, then ?? step);
        }
        if (outcome.kind === 'saved') notify(`Saved as version ${outcome.experiment.version}`, 'teal');
        if (outcome.kind === 'unchanged' && !then) notify('Nothing to save: no field changed.');
        if (outcome.kind === 'failed') return outcome.step && onStepChange(outcome.step);
        if (then) onStepChange(then);
      },
      (errors: FieldErrors<ExperimentFormInput>) => {
        // Stay on this step if it has a problem; else go to the first step that has one.
        const paths = Object.keys(errors).filter((key) => key !== 'root');
        const first = firstStepWith(paths);
        if (first && !paths.some((path) => stepOfPath(path) === step)) onStepChange(first);
        form.setError('root.server', { type: 'client', message: 'Fix the fields marked in red, then save again.' });
      },
    );

  const stepContent: Record<EditorStepId, ReactNode> = {
    basics: <BasicsStep />,
    audience: <AudienceStep />,
    variants: <VariantsStep parameterKeys={parameterKeys} onParameterKeysChange={setParameterKeys} />,
    metrics: <MetricsStep />,
    schedule: <ScheduleStep />,
    'test-users': <TestUsersStep />,
    review: <ReviewStep onGoToStep={onStepChange} launch={experiment && renderLaunch?.(experiment)} />,
  };
  const current = editorSteps[index];

  return (
    <EditorContext value={context}>
      <FormProvider {...form}>
        <form onSubmit={(event) => void submit(null)(event)} noValidate aria-label={experiment ? `Edit experiment ${experiment.name}` : 'New experiment'}>
          <Stack gap="lg">
            <Stepper active={index} onStepClick={(i) => onStepChange(editorSteps[i].id)} size="sm" wrap allowNextStepsSelect>
              {editorSteps.map((s, i) => (
                <Stepper.Step
                  key={s.id}
                  aria-label={`Step ${i + 1}: ${s.label}${stepsWithErrors.has(s.id) ? ' (has problems)' : ''}`}
                  label={s.label}
                  description={s.description}
                  color={stepsWithErrors.has(s.id) ? 'red' : undefined}
                  completedIcon={stepsWithErrors.has(s.id) ? <IconAlertTriangle size={16} aria-hidden /> : undefined}
                  icon={stepsWithErrors.has(s.id) ? <IconAlertTriangle size={16} aria-hidden /> : undefined}
                  aria-current={s.id === step ? 'step' : undefined}
                />
              ))}
            </Stepper>
            {readOnly && experiment && (
              <Alert color="gray" variant="light">
                {canEdit ? `This experiment is ${status}: it is kept as it ran and can no longer change.` : 'You can look but not change: viewers read experiments only.'}
              </Alert>
            )}
            {saving.warnings.length > 0 && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} styles={readableAlertTitle} title="Saved, with a warning" role="status">
                {saving.warnings.join(' ')}
              </Alert>
            )}
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="experiment-step-heading">
              <Stack gap="md">
                <Group justify="space-between">
                  <Title order={2} size="h3" id="experiment-step-heading">
                    {index + 1}. {current.label}
                  </Title>
                  {isDirty && !readOnly && (
                    <Badge color="yellow" variant="light" c="var(--mantine-color-text)">
                      Unsaved changes
                    </Badge>
                  )}
                </Group>
                {stepContent[step]}
              </Stack>
            </Paper>
            <FormError message={form.formState.errors.root?.server?.message} />
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => onStepChange(editorSteps[index - 1].id)} disabled={index === 0}>
                Back
              </Button>
              <Group gap="sm">
                {!readOnly && (
                  <Button type="submit" variant={next ? 'default' : 'filled'} loading={saving.saving} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                    {experiment ? 'Save' : 'Save draft'}
                  </Button>
                )}
                {next && (
                  <Button rightSection={<IconArrowRight size={16} aria-hidden />} loading={saving.saving} onClick={() => (readOnly ? onStepChange(next) : void submit(next)())}>
                    {readOnly ? 'Next' : 'Save and continue'}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
          <ConflictModal
            current={saving.conflict?.current ?? null}
            mine={form.getValues() as ExperimentFormValues}
            onReload={() => {
              if (!saving.conflict) return;
              onReloaded(saving.conflict.current);
              form.reset(valuesOf(saving.conflict.current));
              saving.dismissConflict();
            }}
            onOverwrite={() => void saving.overwrite().then((outcome) => outcome.kind === 'saved' && notify(`Saved as version ${outcome.experiment.version}`, 'teal'))}
            onCancel={saving.dismissConflict}
            overwriting={saving.saving}
            error={saving.conflictError}
          />
        </form>
      </FormProvider>
    </EditorContext>
  );
}
