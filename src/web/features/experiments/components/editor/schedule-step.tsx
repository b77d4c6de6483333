import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import { isoToLocalInput, localInputToIso, localTimeZone } from '../../utils/date-time';
import { AutoShipFields } from './auto-ship-fields';
import { useEditorContext } from './editor-context';

/** Start and end in the marketer's time zone (native datetime-local inputs), stored as UTC ISO strings. */
export function ScheduleStep() {
  const { readOnly, variantsLocked } = useEditorContext();
  const { control } = useFormContext<ExperimentFormInput>();
  const zone = localTimeZone();
  const [startAt, endAt] = useWatch({ control, name: ['startAt', 'endAt'] });
  // Said as soon as both are filled in, not only on save (the same rule the server applies).
  const endTooEarly = Boolean(startAt && endAt && Date.parse(endAt) <= Date.parse(startAt));
  return (
    <Stack gap="md">
      <Text size="sm">
        Times are in your time zone, <strong>{zone}</strong>. Leave the start empty to start by hand with “Start now”; with a start time, “Schedule” starts it then.
        With an end time it completes by itself.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={control}
          name="startAt"
          render={({ field, fieldState }) => (
            <TextInput
              type="datetime-local"
              label="Start"
              description={`Local time (${zone})`}
              value={isoToLocalInput(field.value ?? null)}
              onChange={(event) => field.onChange(localInputToIso(event.currentTarget.value))}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              disabled={readOnly || variantsLocked}
            />
          )}
        />
        <Controller
          control={control}
          name="endAt"
          render={({ field, fieldState }) => (
            <TextInput
              type="datetime-local"
              label="End"
              description={`Local time (${zone})`}
              value={isoToLocalInput(field.value ?? null)}
              onChange={(event) => field.onChange(localInputToIso(event.currentTarget.value))}
              onBlur={field.onBlur}
              error={fieldState.error?.message ?? (endTooEarly ? 'End after the start' : undefined)}
              disabled={readOnly}
            />
          )}
        />
      </SimpleGrid>
      <AutoShipFields />
    </Stack>
  );
}
