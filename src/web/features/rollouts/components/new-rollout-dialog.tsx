import { Button, Group, Modal, MultiSelect, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { DEFAULT_ROLLOUT_STEPS, type Rollout, type RolloutStep } from '../../../../shared/contract/rollouts';
import { FormError } from '../../../components/form-error';
import { RolloutStepsEditor, stepErrors } from '../../../components/rollout-steps-editor';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { useCreateRollout } from '../api/create-rollout';
import { guardrailOptionsQueryOptions } from '../api/guardrail-options';

export interface ValueEditorSlot {
  value: unknown;
  onChange: (value: unknown) => void;
  /** Problems with the value, paths relative to it ('' = the value). */
  errors: { path: string; message: string }[];
  /** Tells whether the editor holds text that is not a value yet (blocks starting). */
  onInvalid: (invalid: boolean) => void;
}

export interface NewRolloutDialogProps {
  opened: boolean;
  onClose: () => void;
  environment: string;
  parameter: { key: string; name: string; defaultValue: unknown };
  segments: readonly { id: string; name: string }[];
  /** The parameter's own type editor (the page composes it from the parameters feature). */
  renderValueEditor: (slot: ValueEditorSlot) => ReactNode;
  onCreated: (rollout: Rollout) => void;
  /** The environment requires approval and the person is an admin: they may start it directly, saying why. */
  approvalBypass?: boolean;
}

/** "Roll out safely…": a new value for one parameter, shipped in steps and watched by guardrails. */
export function NewRolloutDialog(props: NewRolloutDialogProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Roll out a new value of ${props.parameter.name}`} size="xl" centered closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {props.opened && <NewRolloutForm {...props} />}
    </Modal>
  );
}

const afterPrefix = (path: string, prefix: string) => (path === prefix ? '' : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null);

function NewRolloutForm({ onClose, environment, parameter, segments, renderValueEditor, onCreated, approvalBypass = false }: NewRolloutDialogProps) {
  const create = useCreateRollout(environment);
  const metrics = useQuery(guardrailOptionsQueryOptions());
  const [name, setName] = useState(`New ${parameter.name}`);
  const [value, setValue] = useState<unknown>(parameter.defaultValue);
  const [invalidValue, setInvalidValue] = useState(false);
  const [audienceKind, setAudienceKind] = useState<'everyone' | 'segment'>('everyone');
  const [segmentId, setSegmentId] = useState('');
  const [steps, setSteps] = useState<RolloutStep[]>(DEFAULT_ROLLOUT_STEPS);
  const [guardrails, setGuardrails] = useState<string[]>([]);
  const [bypassReason, setBypassReason] = useState('');

  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : [];
  const at = (prefix: string) => fieldErrors.find((e) => afterPrefix(e.path, prefix) !== null)?.message;
  const valueErrors = fieldErrors.flatMap((e) => {
    const path = afterPrefix(e.path, 'changes.0.value');
    return path === null ? [] : [{ path, message: e.message }];
  });
  const known = ['name', 'audience', 'changes.0.value', 'steps', 'guardrails', 'bypassReason'];
  const unplaced = fieldErrors.filter((e) => !known.some((prefix) => afterPrefix(e.path, prefix) !== null));
  const edit = <T,>(set: (next: T) => void) => (next: T) => {
    set(next);
    create.reset();
  };

  const submit = () =>
    create.mutate(
      {
        name,
        audience: audienceKind === 'segment' ? { kind: 'segment', segmentId } : { kind: 'everyone' },
        changes: [{ parameterKey: parameter.key, value }],
        steps,
        guardrails,
        ...(approvalBypass ? { bypassReason } : {}),
      },
      { onSuccess: onCreated },
    );

  return (
    <Stack
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextInput label="Name" value={name} onChange={(event) => edit(setName)(event.currentTarget.value)} error={at('name')} required />
      {renderValueEditor({ value, onChange: edit(setValue), errors: valueErrors, onInvalid: setInvalidValue })}
      <Radio.Group label="Who gets the new value" value={audienceKind} onChange={(next) => edit(setAudienceKind)(next as 'everyone' | 'segment')}>
        <Stack gap={6} mt="xs">
          <Radio value="everyone" label="Everyone" />
          <Radio value="segment" label="A segment" />
        </Stack>
      </Radio.Group>
      {audienceKind === 'segment' && (
        <NativeSelect
          label="Segment"
          data={[{ value: '', label: 'Choose a segment…', disabled: true }, ...segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
          value={segmentId}
          onChange={(event) => edit(setSegmentId)(event.currentTarget.value)}
          error={at('audience')}
        />
      )}
      <RolloutStepsEditor steps={steps} onChange={edit(setSteps)} errors={stepErrors(fieldErrors)} />
      <MultiSelect
        label="Guardrail metrics"
        description="Compared between users with the new value and the rest at every check; clear harm on any rolls back."
        placeholder={guardrails.length === 0 ? 'Choose metrics' : undefined}
        data={(metrics.data ?? []).map((metric) => ({ value: metric.id, label: metric.name }))}
        value={guardrails}
        onChange={edit(setGuardrails)}
        error={at('guardrails')}
        searchable
      />
      {approvalBypass && (
        <Textarea
          label="Why start it without approval"
          description="This environment requires approval; as an admin you may start the rollout directly. The reason goes to the audit log."
          rows={2}
          maxLength={500}
          value={bypassReason}
          onChange={(event) => edit(setBypassReason)(event.currentTarget.value)}
          error={at('bypassReason')}
        />
      )}
      <FormError message={create.isError && (fieldErrors.length === 0 || unplaced.length > 0) ? [errorMessage(create.error), ...unplaced.map((e) => e.message)].join(' ') : undefined} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} disabled={invalidValue}>
          Start guarded rollout
        </Button>
      </Group>
    </Stack>
  );
}
