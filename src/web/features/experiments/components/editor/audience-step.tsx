import { Anchor, Fieldset, Group, NativeSelect, SegmentedControl, SimpleGrid, Slider, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useCallback, useId, useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import type { Audience } from '../../utils/audience';
import { PercentInput } from '../percent-input';
import { useEditorContext } from './editor-context';

const kinds = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'segment', label: 'A segment' },
  { value: 'condition', label: 'Custom condition' },
];

/** Who can enter (everyone, a segment, or an inline condition), how many of them, and the layer. */
export function AudienceStep() {
  const { segments, renderConditionEditor, renderReach, readOnly, variantsLocked, reportInvalid, environment } = useEditorContext();
  const { control, setValue, formState, register } = useFormContext<ExperimentFormInput>();
  const audience = useWatch({ control, name: 'audience' }) as Audience;
  const layer = useWatch({ control, name: 'layer' });
  const kindLabel = useId();
  // Switching kinds and back keeps what was chosen before.
  const [kept, setKept] = useState<{ segmentId: string; condition: Record<string, unknown> }>({
    segmentId: audience.kind === 'segment' ? audience.segmentId : '',
    condition: audience.kind === 'condition' ? audience.condition : {},
  });
  const reportConditionInvalid = useCallback((invalid: boolean) => reportInvalid('audience-condition', invalid), [reportInvalid]);
  const errors = formState.errors.audience as { message?: string; segmentId?: { message?: string }; condition?: { message?: string } } | undefined;

  const setAudience = (next: Audience) => {
    if (next.kind === 'segment') setKept((k) => ({ ...k, segmentId: next.segmentId }));
    if (next.kind === 'condition') setKept((k) => ({ ...k, condition: next.condition }));
    setValue('audience', next as ExperimentFormInput['audience'], { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };
  const chooseKind = (kind: string) => {
    if (kind === 'everyone') setAudience({ kind: 'everyone' });
    if (kind === 'segment') setAudience({ kind: 'segment', segmentId: kept.segmentId });
    if (kind === 'condition') setAudience({ kind: 'condition', condition: kept.condition as never });
  };

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Text size="sm" fw={500} id={kindLabel}>
          Who can enter
        </Text>
        <SegmentedControl aria-labelledby={kindLabel} data={kinds} value={audience.kind} onChange={chooseKind} disabled={readOnly} style={{ alignSelf: 'flex-start' }} />
        {audience.kind === 'segment' && (
          <NativeSelect
            label="Segment"
            description={
              <>
                Saved audiences from the segments page.{' '}
                <Anchor component={Link} to="/segments/new" size="xs">
                  Create a segment
                </Anchor>
              </>
            }
            data={[{ value: '', label: segments.length ? 'Choose a segment…' : 'No segments yet', disabled: true }, ...segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
            value={audience.segmentId}
            onChange={(event) => setAudience({ kind: 'segment', segmentId: event.currentTarget.value })}
            error={errors?.segmentId?.message ?? errors?.message}
            disabled={readOnly}
          />
        )}
        {audience.kind === 'condition' &&
          renderConditionEditor({
            condition: audience.condition,
            onChange: (condition) => setAudience({ kind: 'condition', condition: condition as never }),
            error: errors?.condition?.message ?? errors?.message,
            disabled: readOnly,
            onInvalid: reportConditionInvalid,
          })}
        {renderReach(audience, environment)}
      </Stack>

      <Controller
        control={control}
        name="stickyMembership"
        render={({ field }) => (
          <Switch
            label="Keep users in the experiment after they leave the audience"
            description="On: a user who entered keeps their variant even if they no longer match (recommended, so nobody flips between variants). Off: they leave the experiment and get the usual values."
            checked={field.value ?? true}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
            disabled={readOnly}
          />
        )}
      />

      <Controller
        control={control}
        name="allocation"
        render={({ field, fieldState }) => (
          <Group align="flex-end" gap="lg" wrap="wrap">
            <PercentInput
              label="Traffic allocation"
              description="Share of the audience that enters the experiment; the rest get the usual values"
              value={field.value ?? 100}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              disabled={readOnly}
              style={{ flex: '0 0 260px' }}
            />
            <Slider
              value={field.value ?? 100}
              onChange={field.onChange}
              min={1}
              max={100}
              step={1}
              label={(value) => `${value}%`}
              thumbLabel="Traffic allocation"
              disabled={readOnly}
              style={{ flex: '1 1 200px', marginBottom: 12 }}
            />
          </Group>
        )}
      />

      <Fieldset legend="Mutual exclusion (optional)" variant="filled">
        <Stack gap="sm">
          <Switch
            label="Put this experiment in a layer"
            description="Experiments in the same layer never share a user: each takes its own slice of the layer's users."
            checked={layer !== null && layer !== undefined}
            onChange={(event) => setValue('layer', event.currentTarget.checked ? { name: '', share: 50 } : null, { shouldDirty: true })}
            disabled={readOnly || variantsLocked}
          />
          {layer && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Layer name"
                description="The same name in other experiments puts them in this layer, e.g. checkout"
                autoComplete="off"
                error={(formState.errors.layer as { name?: { message?: string } } | undefined)?.name?.message ?? formState.errors.layer?.message}
                disabled={readOnly || variantsLocked}
                {...register('layer.name')}
              />
              <Controller
                control={control}
                name="layer.share"
                render={({ field, fieldState }) => (
                  <PercentInput label="Share of the layer" description="Of the layer's users, how many this experiment may take" value={field.value ?? 50} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} disabled={readOnly || variantsLocked} />
                )}
              />
            </SimpleGrid>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
