import { Alert, Button, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Experiment, PromoteBody, PromotionPlan } from '../../../../../shared/contract/experiments';
import { FormError } from '../../../../components/form-error';
import { errorMessage, isApiError } from '../../../../lib/api-error';
import { usePromoteExperiment } from '../../api/promote-experiment';
import { describeAudience, formatReachShort } from '../../utils/audience';
import { ChangeList } from '../change-list';

export interface PromoteModalProps {
  experiment: Experiment;
  segments: readonly { id: string; name: string }[];
  opened: boolean;
  onClose: () => void;
  onPromoted: (plan: PromotionPlan) => void;
}

type AudienceChoice = 'experiment' | 'segment' | 'everyone';

/** Choose the winner and who gets it, see every parameter that will change (old → new) and the reach, then confirm. */
export function PromoteModal({ experiment, segments, opened, onClose, onPromoted }: PromoteModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Promote the winner" size="xl" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {opened && <PromoteFlow experiment={experiment} segments={segments} onClose={onClose} onPromoted={onPromoted} />}
    </Modal>
  );
}

function PromoteFlow({ experiment, segments, onClose, onPromoted }: Omit<PromoteModalProps, 'opened'>) {
  const promote = usePromoteExperiment(experiment.id);
  const [variant, setVariant] = useState(experiment.variants[1]?.key ?? experiment.variants[0].key);
  const [choice, setChoice] = useState<AudienceChoice>('experiment');
  const [segmentId, setSegmentId] = useState('');
  const [plan, setPlan] = useState<PromotionPlan | null>(null);
  const segmentNames = new Map(segments.map((segment) => [segment.id, segment.name]));

  const audience: PromoteBody['audience'] = choice === 'segment' ? { kind: 'segment', segmentId } : { kind: choice };
  const body = (dryRun: boolean): PromoteBody => ({ variant, audience, expectedVersion: experiment.version, dryRun });
  const change = (update: () => void) => {
    update();
    setPlan(null);
    promote.reset();
  };
  const fieldErrors = isApiError(promote.error) ? promote.error.fieldErrors : [];
  const segmentError = fieldErrors.find((e) => e.path.startsWith('audience'))?.message;

  return (
    <Stack>
      <Radio.Group label="Winning variant" value={variant} onChange={(value) => change(() => setVariant(value))}>
        <Stack gap={6} mt="xs">
          {experiment.variants.map((v) => (
            <Radio key={v.key} value={v.key} label={`${v.name} (${v.key})`} />
          ))}
        </Stack>
      </Radio.Group>
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

      {plan && (
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
              changes={plan.changes.map((c) => ({ key: c.parameterKey, label: `${c.parameterName} (${c.parameterKey})`, before: c.before, after: c.after }))}
              caption="Parameters that will change"
              itemLabel="Parameter"
              beforeLabel="Now"
              afterLabel="After promotion"
            />
          )}
        </Stack>
      )}
      <FormError message={promote.isError && !segmentError ? [errorMessage(promote.error), ...fieldErrors.map((e) => e.message)].join(' ') : undefined} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={promote.isPending}>
          Cancel
        </Button>
        {plan ? (
          <Button color="teal.9" loading={promote.isPending} disabled={plan.changes.length === 0} onClick={() => promote.mutate(body(false), { onSuccess: onPromoted })}>
            Promote to {plan.audienceLabel}
          </Button>
        ) : (
          <Button loading={promote.isPending} disabled={choice === 'segment' && !segmentId} onClick={() => promote.mutate(body(true), { onSuccess: setPlan })}>
            Show what changes
          </Button>
        )}
      </Group>
    </Stack>
  );
}
