import { Fieldset, NumberInput, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { AutoShipSettings } from '../../../../../shared/contract/experiments';
import { autoShipAudienceText, autoShipStepsText, defaultAutoShip } from '../../utils/auto-ship';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import { useEditorContext } from './editor-context';

const audiences = [
  { value: 'experiment', label: "The experiment's audience" },
  { value: 'everyone', label: 'Everyone' },
];

/** The schedule step's auto-ship switch: off by default; on, the minimum days and who gets the winner. */
export function AutoShipFields() {
  const { readOnly } = useEditorContext();
  const { control, formState } = useFormContext<ExperimentFormInput>();
  const audienceLabel = useId();
  const errors = formState.errors.autoShip as Partial<Record<keyof AutoShipSettings, { message?: string }>> | undefined;
  return (
    <Controller
      control={control}
      name="autoShip"
      render={({ field, fieldState }) => {
        const settings = field.value ? { ...defaultAutoShip, ...field.value } : null;
        const on = settings?.enabled ?? false;
        const set = (patch: Partial<AutoShipSettings>) => field.onChange({ ...(settings ?? { ...defaultAutoShip, enabled: false }), ...patch });
        return (
          <Fieldset legend="Auto-ship" variant="unstyled">
            <Stack gap="sm">
              <Switch
                label="Auto-ship the winner"
                description={`When the primary metric has a clear winner after the minimum days and no guardrail gets worse, the winner rolls out to the audience through a guarded rollout (${autoShipStepsText}) that rolls back by itself on harm.`}
                checked={on}
                onChange={(event) => set({ enabled: event.currentTarget.checked })}
                error={errors?.enabled?.message ?? fieldState.error?.message}
                disabled={readOnly}
              />
              {on && settings && (
                <>
                  <NumberInput
                    label="Minimum days"
                    description="Days after the start before it may ship"
                    min={1}
                    max={90}
                    allowDecimal={false}
                    value={settings.minDays}
                    onChange={(value) => set({ minDays: typeof value === 'number' ? value : Number.parseInt(value, 10) || 0 })}
                    error={errors?.minDays?.message}
                    disabled={readOnly}
                    w={200}
                  />
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id={audienceLabel}>
                      Ship to
                    </Text>
                    <SegmentedControl
                      aria-labelledby={audienceLabel}
                      data={audiences}
                      value={settings.audience}
                      onChange={(value) => set({ audience: value as AutoShipSettings['audience'] })}
                      disabled={readOnly}
                      style={{ alignSelf: 'flex-start' }}
                    />
                    {errors?.audience?.message && (
                      <Text size="sm" c="red">
                        {errors.audience.message}
                      </Text>
                    )}
                  </Stack>
                  <Text size="sm" c="dimmed">
                    It ships to {autoShipAudienceText(settings.audience)} no earlier than {settings.minDays} {settings.minDays === 1 ? 'day' : 'days'} after the start, and only
                    a winner the results recommend.
                  </Text>
                </>
              )}
            </Stack>
          </Fieldset>
        );
      }}
    />
  );
}
