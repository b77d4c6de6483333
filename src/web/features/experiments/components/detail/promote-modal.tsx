import { Alert, Button, Group, Modal, NativeSelect, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_ROLLOUT_STEPS, type RolloutStep } from '../../../../../shared/contract/rollouts';
import { stepErrors } from '../../../../components/rollout-steps-editor';
import type { Experiment, PromoteBody, PromotionCheck, PromotionPlan } from '../../../../../shared/contract/experiments';
import { FormError } from '../../../../components/form-error';
import { needsApproval, ProposeExperimentChange } from './propose-experiment-change';
import { QueryError } from '../../../../components/query-error';
import { errorMessage, isApiError } from '../../../../lib/api-error';
import { promotionCheckQueryOptions } from '../../api/get-promotion-check';
import { usePromoteExperiment } from '../../api/promote-experiment';
import { useGuardedPromote } from '../../api/promote-guarded';
import { GuardedPromoteFields } from './guarded-promote-fields';
import { describeAudience, formatReachShort } from '../../utils/audience';
import { ChangeList } from '../change-list';
import { phraseAccepted, primaryVerdictText, PromotionVerdicts, RiskConfirmation } from './promotion-verdicts';

export interface PromoteModalProps {
  experiment: Experiment;
  segments: readonly { id: string; name: string }[];
  opened: boolean;
  onClose: () => void;
  onPromoted: (plan: PromotionPlan) => void;
}

type AudienceChoice = 'experiment' | 'segment' | 'everyone';
type ShipMode = 'all' | 'guarded';

/** Choose the winner and who gets it, see every parameter that will change (old → new) and the reach, then confirm. */
export function PromoteModal({ experiment, segments, opened, onClose, onPromoted }: PromoteModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Promote the winner" size="xl" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {opened && <PromoteFlow experiment={experiment} segments={segments} onClose={onClose} onPromoted={onPromoted} />}
    </Modal>
  );
}

/** Loads what the results say about each variant first: the choice starts from it. */
function PromoteFlow(props: Omit<PromoteModalProps, 'opened'>) {
  // The check of the version the dialog opened on: promoting saves a new version, and a query
  // keyed on it would remount the choice before the promotion's success callback closes the dialog.
  const [openedVersion] = useState(props.experiment.version);
  const check = useQuery(promotionCheckQueryOptions(props.experiment.id, openedVersion));
  if (check.isPending) return <Skeleton height={160} radius="md" aria-label="Reading the results" />;
  if (check.isError) return <QueryError title="Could not read the results" error={check.error} onRetry={() => void check.refetch()} retrying={check.isFetching} />;
  if (check.data.blocked) {
    return (
      <Stack>
        <Alert color="yellow" variant="light">
          {check.data.blocked}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  return <ChooseAndConfirm {...props} check={check.data} />;
}

function ChooseAndConfirm({ experiment, segments, onClose, onPromoted, check }: Omit<PromoteModalProps, 'opened'> & { check: PromotionCheck }) {
  const promote = usePromoteExperiment(experiment.id);
  // Only a significant winner (with no guardrail worse) is chosen for the user; anything else is their explicit choice.
  const [variant, setVariant] = useState(check.recommended ?? '');
  const [typed, setTyped] = useState('');
  const chosen = check.variants.find((v) => v.key === variant);
  const [choice, setChoice] = useState<AudienceChoice>('experiment');
  const [segmentId, setSegmentId] = useState('');
  const [plan, setPlan] = useState<PromotionPlan | null>(null);
  const segmentNames = new Map(segments.map((segment) => [segment.id, segment.name]));
  const navigate = useNavigate();
  const guarded = useGuardedPromote(experiment.id);
  const [mode, setMode] = useState<ShipMode>('all');
  const [steps, setSteps] = useState<RolloutStep[]>(DEFAULT_ROLLOUT_STEPS);
  const [guardrails, setGuardrails] = useState<string[]>(() => [...new Set([...experiment.metrics.guardrails, ...(experiment.metrics.primary ? [experiment.metrics.primary] : [])])]);

  const audience: PromoteBody['audience'] = choice === 'segment' ? { kind: 'segment', segmentId } : { kind: choice };
  const body = (dryRun: boolean): PromoteBody => ({ variant, audience, expectedVersion: experiment.version, dryRun, ...(chosen?.confirmPhrase && !dryRun ? { confirmRisk: typed } : {}) });
  const change = (update: () => void) => {
    update();
    setPlan(null);
    promote.reset();
    guarded.reset();
  };
  const failed = mode === 'guarded' ? guarded : promote;
  const fieldErrors = isApiError(failed.error) ? failed.error.fieldErrors : [];
  const guardedErrors = stepErrors(fieldErrors);
  const guardrailsError = fieldErrors.find((e) => e.path === 'guardrails' || e.path.startsWith('guardrails.'))?.message;
  const startGuarded = () =>
    guarded.mutate(
      { variant, audience, expectedVersion: experiment.version, steps, guardrails, ...(chosen?.confirmPhrase ? { confirmRisk: typed } : {}) },
      { onSuccess: (rollout) => void navigate(`/rollouts/${encodeURIComponent(rollout.id)}`) },
    );
  const segmentError = fieldErrors.find((e) => e.path.startsWith('audience'))?.message;
  const riskError = fieldErrors.find((e) => e.path === 'confirmRisk')?.message;

  return (
    <Stack>
      <Text size="sm">
        {check.recommended
          ? `${check.variants.find((v) => v.key === check.recommended)?.name} is the significant winner, so it is chosen.`
          : 'No variant is a significant winner with every guardrail fine, so none is chosen for you.'}
      </Text>
      <Radio.Group label="Variant to promote" value={variant} onChange={(value) => change(() => { setVariant(value); setTyped(''); })}>
        <Stack gap={6} mt="xs">
          {experiment.variants.map((v) => (
            <Radio key={v.key} value={v.key} label={`${v.name} (${v.key})`} description={primaryVerdictText(check.variants.find((c) => c.key === v.key))} />
          ))}
        </Stack>
      </Radio.Group>
      {chosen && <PromotionVerdicts check={chosen} />}
      {chosen && <RiskConfirmation check={chosen} typed={typed} onTypedChange={setTyped} error={riskError} />}
      <Radio.Group label="Who gets its values" value={choice} onChange={(value) => change(() => setChoice(value as AudienceChoice))}>
        <Stack gap={6} mt="xs">
          <Radio value="experiment" label={`The experiment's audience (${describeAudience(experiment.audience, segmentNames)})`} />
          <Radio value="segment" label="Another segment" />
          <Radio value="everyone" label="Everyone" />
        </Stack>
      </Radio.Group>
      {choice === 'segment' && (
        <NativeSelect
          label="Segment"
          data={[{ value: '', label: 'Choose a segment…', disabled: true }, ...segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
          value={segmentId}
          onChange={(event) => {
            const next = event.currentTarget.value;
            change(() => setSegmentId(next));
          }}
          error={segmentError}
        />
      )}

      <Radio.Group label="How to ship it" value={mode} onChange={(value) => change(() => setMode(value as ShipMode))}>
        <Stack gap={6} mt="xs">
          <Radio value="guarded" label="Guarded rollout (recommended)" description="In steps (10 → 25 → 50 → 100% by default), rolled back by itself if a guardrail gets worse." />
          <Radio value="all" label="All at once" description="The whole audience gets its values now." />
        </Stack>
      </Radio.Group>
      {mode === 'guarded' && (
        <GuardedPromoteFields steps={steps} onStepsChange={(next) => change(() => setSteps(next))} guardrails={guardrails} onGuardrailsChange={(next) => change(() => setGuardrails(next))} stepErrors={guardedErrors} guardrailsError={guardrailsError} />
      )}
      {plan && mode === 'all' && (
        <Stack gap="sm" aria-live="polite">
          <Text size="sm">
            <strong>{plan.audienceLabel}</strong> will get {experiment.variants.find((v) => v.key === variant)?.name}'s values
            {plan.reach && plan.reach.total > 0 ? `: ${formatReachShort(plan.reach)}` : ''}. Each change is written as a targeting rule placed first on its parameter.
            {experiment.status === 'running' || experiment.status === 'paused' ? ' The experiment completes; its results stay readable.' : ''}
          </Text>
          {plan.changes.length === 0 ? (
            <Alert color="yellow" variant="light">
              This variant serves the default values: promoting it changes no parameter.
            </Alert>
          ) : (
            <ChangeList
              changes={plan.changes.map((c) => ({ key: c.parameterKey, parameterKey: c.parameterKey, label: c.parameterName, before: c.before, after: c.after }))}
              caption="Parameters that will change"
              itemLabel="Parameter"
              beforeLabel="Now"
              afterLabel="After promotion"
            />
          )}
        </Stack>
      )}
      {mode === 'guarded' ? (
        <FormError message={guarded.isError && guardedErrors.size === 0 && !guardrailsError && !segmentError && !riskError ? [errorMessage(guarded.error), ...fieldErrors.map((e) => e.message)].join(' ') : undefined} />
      ) : needsApproval(promote.error) ? (
        <ProposeExperimentChange experiment={experiment} change={{ action: 'promote', promote: { variant, audience, ...(chosen?.confirmPhrase ? { confirmRisk: typed } : {}) } }} />
      ) : (
        <FormError message={promote.isError && !segmentError && !riskError ? [errorMessage(promote.error), ...fieldErrors.map((e) => e.message)].join(' ') : undefined} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={promote.isPending || guarded.isPending}>
          Cancel
        </Button>
        {mode === 'guarded' ? (
          <Button loading={guarded.isPending} disabled={!chosen || (choice === 'segment' && !segmentId) || !phraseAccepted(chosen, typed)} onClick={startGuarded}>
            Start guarded rollout
          </Button>
        ) : plan ? (
          <Button color="teal.9" loading={promote.isPending} disabled={plan.changes.length === 0 || !phraseAccepted(chosen, typed)} onClick={() => promote.mutate(body(false), { onSuccess: onPromoted })}>
            Promote to {plan.audienceLabel}
          </Button>
        ) : (
          <Button loading={promote.isPending} disabled={!chosen || (choice === 'segment' && !segmentId)} onClick={() => promote.mutate(body(true), { onSuccess: setPlan })}>
            Show what changes
          </Button>
        )}
      </Group>
    </Stack>
  );
}
