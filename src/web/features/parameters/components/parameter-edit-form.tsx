import { zodResolver } from '@hookform/resolvers/zod';
import { Accordion, Alert, Button, Group, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { IconCalendarEvent, IconDeviceFloppy, IconFlask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Parameter, TargetingRuleInput, UpdateParameterBody } from '../../../../shared/contract/parameters';
import { defaultValueFor, type TypeSpec } from '../../../../shared/values';
import { FormError } from '../../../components/form-error';
import { ImpactConfirm } from '../../../components/usage/impact-confirm';
import { liveExperiments, usageQueryOptions, warningsText } from '../../../components/usage/usage-query';
import { applyFieldErrors } from '../../../lib/apply-field-errors';
import { isParameterConflict, useUpdateParameter } from '../api/update-parameter';
import type { FieldMessage } from '../editors/field-messages';
import { SpecEditor } from '../editors/spec-editor';
import { changedFields, editableOf, editParameterSchema, type EditableParameter } from '../utils/editable-fields';
import { pathsUnder, routeFieldErrors } from '../utils/route-field-errors';
import { sameShape } from '../utils/spec-shape';
import { ConflictModal } from './conflict-modal';
import { KillSwitch } from './kill-switch';
import { ValueWithPreview } from './value-with-preview';
import { notify } from '../utils/notify';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';
import type { ProposeChange } from '../utils/approval-gate';

export interface RulesSlotProps {
  spec: TypeSpec;
  rules: TargetingRuleInput[];
  onChange: (rules: TargetingRuleInput[]) => void;
  errors: FieldMessage[];
  disabled: boolean;
  onInvalid: (invalid: boolean) => void;
}

export interface ParameterEditFormProps {
  parameter: Parameter;
  canEdit: boolean;
  /** Renders the targeting rules editor (composed by the page). */
  renderRules?: (props: RulesSlotProps) => ReactNode;
  /** Replaces the cached parameter with someone else's saved version. */
  onReloaded: (current: Parameter) => void;
  /** Set when the environment requires approval: changes to what apps get are proposed, not saved. */
  onProposeChange?: ProposeChange;
  /** Set where no approval is needed: "Schedule…" puts the change into a change request to publish later. */
  onScheduleChange?: ProposeChange;
}

const fieldNames = ['name', 'description', 'tags', 'spec', 'defaultValue', 'rules'] as const;

/** The "Value" tab: edit and save only what changed, based on the version the person started from. */
export function ParameterEditForm({ parameter, canEdit, renderRules, onReloaded, onProposeChange, onScheduleChange }: ParameterEditFormProps) {
  const environment = useCurrentEnvironment().key;
  const update = useUpdateParameter(environment);
  const [messages, setMessages] = useState<{ value: FieldMessage[]; spec: FieldMessage[]; rules: FieldMessage[] }>({ value: [], spec: [], rules: [] });
  const [draftInvalid, setDraftInvalid] = useState({ value: false, spec: false, rules: false });
  const [conflict, setConflict] = useState<{ current: Parameter; changes: Partial<EditableParameter> } | null>(null);
  const [impact, setImpact] = useState<Partial<EditableParameter> | null>(null);
  const usage = useQuery(usageQueryOptions('parameters', parameter.id, environment));
  const live = liveExperiments(usage.data);
  const form = useForm({ resolver: zodResolver(editParameterSchema), defaultValues: editableOf(parameter) });
  const { register, control, handleSubmit, setError, setValue, getValues, reset, clearErrors, formState } = form;
  const spec = useWatch({ control, name: 'spec' });
  const disabled = !canEdit;

  // Someone saved a new version (restore, kill switch, reload): show it unless this person is mid-edit.
  const { isDirty } = formState;
  useEffect(() => {
    if (!isDirty) reset(editableOf(parameter));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the saved version changes
  }, [parameter.version]);

  const reportRulesInvalid = useCallback((invalid: boolean) => setDraftInvalid((d) => (d.rules === invalid ? d : { ...d, rules: invalid })), []);

  const changeSpec = (next: TypeSpec) => {
    const previous = getValues('spec');
    setValue('spec', next, { shouldDirty: true });
    if (!sameShape(previous, next)) setValue('defaultValue', defaultValueFor(next), { shouldDirty: true });
    setMessages((m) => ({ ...m, spec: [] }));
    clearErrors(['spec', 'defaultValue']);
  };

  const save = (changes: Partial<EditableParameter>, expectedVersion: number) =>
    update.mutateAsync({ id: parameter.id, changes: { ...changes, expectedVersion } }).then(
      (saved) => {
        reset(editableOf(saved));
        setConflict(null);
        setMessages({ value: [], spec: [], rules: [] });
        setImpact(null);
        if (saved.warnings?.length) notify(`Saved as version ${saved.version}. ${warningsText(saved.warnings)}`, 'orange');
        else notify(`Saved as version ${saved.version}`, 'teal');
      },
      (error: unknown) => {
        setImpact(null);
        if (isParameterConflict(error)) return setConflict({ current: error.current, changes });
        setConflict(null);
        const routed = routeFieldErrors(setError);
        applyFieldErrors(error, routed.setError, { fields: pathsUnder<EditableParameter>(error, fieldNames) });
        setMessages({ value: routed.valueErrors, spec: routed.specErrors, rules: routed.rulesErrors });
      },
    );

  const onSubmit = handleSubmit((draft) => {
    if (draftInvalid.value || draftInvalid.spec || draftInvalid.rules) {
      setError('root.server', { type: 'client', message: 'Finish the value first: some text in it is not valid yet.' });
      return;
    }
    const changes = changedFields(parameter, draft);
    if (Object.keys(changes).length === 0) {
      notify('Nothing to save: no field changed.');
      return;
    }
    // What users get changes for every variant that does not override it: ask first while a test runs.
    const servingChange = (['defaultValue', 'rules', 'spec'] as const).some((field) => field in changes);
    if (servingChange && onProposeChange) return propose(draft, changes, onProposeChange);
    if (servingChange && live.length > 0) return setImpact(changes);
    return save(changes, parameter.version);
  });

  // The environment requires approval: the value and rules go into a change request; the rest saves as usual.
  const propose = (draft: EditableParameter, changes: Partial<EditableParameter>, proposeTo: ProposeChange) => {
    if ('spec' in changes) {
      const message = onProposeChange
        ? 'The type and constraints are shared by every environment, and this one requires approval: change them from an environment that does not.'
        : 'Save the change of type and constraints first, then schedule the new value and rules.';
      setError('root.server', { type: 'client', message });
      return;
    }
    const { defaultValue: _value, rules: _rules, ...rest } = changes;
    proposeTo({
      parameter,
      baseVersion: parameter.version,
      after: { defaultValue: draft.defaultValue, killed: parameter.killed, rules: (draft.rules ?? []) as TargetingRuleInput[] },
      saveDirectly: async (bypassReason) => {
        const saved = await update.mutateAsync({ id: parameter.id, changes: { ...changes, expectedVersion: parameter.version, bypassReason } as UpdateParameterBody });
        reset(editableOf(saved));
        notify(`Saved as version ${saved.version} without approval`, 'orange');
      },
      saveRest: async () => {
        if (Object.keys(rest).length > 0) await update.mutateAsync({ id: parameter.id, changes: { ...rest, expectedVersion: parameter.version } });
      },
    });
  };

  // Where no approval is needed: the value and rules go into a change request, published when chosen.
  const schedule = handleSubmit((draft) => {
    if (!onScheduleChange) return;
    const changes = changedFields(parameter, draft);
    if (!('defaultValue' in changes) && !('rules' in changes)) {
      setError('root.server', { type: 'client', message: 'Change the default value or the rules first: those are what a schedule publishes.' });
      return;
    }
    propose(draft, changes, onScheduleChange);
  });

  const reloadTheirs = () => {
    if (!conflict) return;
    onReloaded(conflict.current);
    reset(editableOf(conflict.current));
    setConflict(null);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit parameter">
      <Stack gap="lg">
        {parameter.spec.type === 'boolean' && <KillSwitch parameter={parameter} disabled={disabled} onProposeChange={onProposeChange} />}
        {parameter.killed && (
          <Alert color="red" variant="light" title="This flag is killed">
            Every app gets false until the kill switch is turned off. The default value and rules below are kept for then.
          </Alert>
        )}
        <TextInput label="Name" required error={formState.errors.name?.message} disabled={disabled} {...register('name')} />
        <Textarea label="Description" autosize minRows={2} error={formState.errors.description?.message} disabled={disabled} {...register('description')} />
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <TagsInput label="Tags" description="Press Enter after each tag" value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} disabled={disabled} clearable />
          )}
        />
        <Controller
          control={control}
          name="defaultValue"
          render={({ field, fieldState }) => (
            <Stack gap="xs">
              <ValueWithPreview
                spec={spec}
                value={field.value}
                onChange={(next) => {
                  field.onChange(next);
                  setMessages((m) => ({ ...m, value: [] }));
                }}
                errors={messages.value}
                label="Default value"
                description="What every app gets unless a targeting rule says otherwise"
                disabled={disabled}
                onInvalid={(invalid) => setDraftInvalid((d) => ({ ...d, value: invalid }))}
              />
              <FormError message={fieldState.error?.message} />
            </Stack>
          )}
        />
        <Accordion variant="contained" defaultValue={messages.spec.length > 0 ? 'spec' : null}>
          <Accordion.Item value="spec">
            <Accordion.Control>Type and constraints</Accordion.Control>
            <Accordion.Panel>
              <SpecEditor spec={spec} onChange={changeSpec} errors={messages.spec} disabled={disabled} onInvalid={(invalid) => setDraftInvalid((d) => ({ ...d, spec: invalid }))} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Stack gap="xs" component="section" aria-labelledby="parameter-rules-heading">
          <Title order={2} size="h4" id="parameter-rules-heading">
            Targeting rules
          </Title>
          {live.length > 0 && (
            <Alert color="blue" variant="light" icon={<IconFlask aria-hidden />}>
              Running now: {live.map((e) => `"${e.name}" (${e.how})`).join('; ')}. Users in it get their variant's value first; everyone else gets the default
              value and the rules below.
            </Alert>
          )}
          {renderRules ? (
            <Controller
              control={control}
              name="rules"
              render={({ field }) => (
                <>
                  {renderRules({
                    spec,
                    // Saved rules and the editor's output are complete rules; the form type allows omitted defaults.
                    rules: (field.value ?? []) as TargetingRuleInput[],
                    onChange: (rules) => {
                      field.onChange(rules);
                      setMessages((m) => ({ ...m, rules: [] }));
                    },
                    errors: messages.rules,
                    disabled,
                    onInvalid: reportRulesInvalid,
                  })}
                </>
              )}
            />
          ) : (
            <Alert color="gray" variant="light">
              Targeting rules are not editable here yet. {parameter.rules.length} rule{parameter.rules.length === 1 ? '' : 's'} saved.
            </Alert>
          )}
        </Stack>
        <FormError message={formState.errors.root?.server?.message} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={update.isPending && conflict === null} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
              Save changes
            </Button>
            {onScheduleChange && (
              <Button variant="default" leftSection={<IconCalendarEvent size={16} aria-hidden />} onClick={() => void schedule()} disabled={!isDirty}>
                Schedule…
              </Button>
            )}
            <Button variant="default" onClick={() => reset(editableOf(parameter))} disabled={!isDirty}>
              Discard changes
            </Button>
          </Group>
        )}
      </Stack>
      <ImpactConfirm
        affected={impact ? live : []}
        effect="Users in the variants that do not override this parameter, the control among them, will get the new value in the middle of the test."
        onConfirm={() => impact && void save(impact, parameter.version)}
        onCancel={() => setImpact(null)}
        loading={update.isPending}
      />
      <ConflictModal
        current={conflict?.current ?? null}
        mine={getValues()}
        onReload={reloadTheirs}
        onOverwrite={() => conflict && void save(conflict.changes, conflict.current.version)}
        onCancel={() => setConflict(null)}
        overwriting={update.isPending}
        error={conflict && !isParameterConflict(update.error) ? update.error : undefined}
      />
    </form>
  );
}
