import { Button, Checkbox, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { metricKinds, type Metric } from '../../../../shared/contract/metrics';
import { FormError } from '../../../components/form-error';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { SERVER_ERROR_KEY } from '../../../lib/apply-field-errors';
import { useCreateMetric } from '../api/create-metric';
import { eventCatalogQueryOptions } from '../../../lib/event-catalog';
import { ImpactConfirm } from '../../../components/usage/impact-confirm';
import { liveExperiments, usageQueryOptions } from '../../../components/usage/usage-query';
import { useUpdateMetric } from '../api/update-metric';

const definitionFields = ['kind', 'event', 'filters', 'denominator', 'numeratorUsesValue', 'direction', 'windowHours'] as const;
import { EventPicker } from '../../../components/event-picker';
import { bodyFromDraft, draftFromMetric, draftPath, emptyDraft, keyFromName, metricDraftResolver, type MetricDraft } from './metric-draft';
import { directionLabels, kindExplanations, kindLabels } from './metric-labels';
import { PropertyFiltersEditor } from './property-filters-editor';

export interface MetricFormProps {
  /** The saved metric being edited; absent for a new one. */
  metric?: Metric;
  onSaved: (metric: Metric) => void;
  /** Someone else saved the metric meanwhile (409): the caller can load their version. */
  onStale?: () => void;
}

/** Create or edit a metric: what it counts (event, filters, kind), which way is better and the window. */
export function MetricForm({ metric, onSaved, onStale }: MetricFormProps) {
  const [pending, setPending] = useState<ReturnType<typeof bodyFromDraft> | null>(null);
  const usage = useQuery({ ...usageQueryOptions('metrics', metric?.id ?? ''), enabled: metric !== undefined });
  const live = liveExperiments(usage.data);
  const catalog = useQuery(eventCatalogQueryOptions());
  const create = useCreateMetric();
  const update = useUpdateMetric();
  // The key follows the name until the person edits it (new metrics only: keys never change).
  const [keyEdited, setKeyEdited] = useState(metric !== undefined);
  const [stale, setStale] = useState(false);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<MetricDraft>({
    resolver: metricDraftResolver,
    defaultValues: metric ? draftFromMetric(metric) : emptyDraft(),
  });
  const { errors } = formState;
  const [kind, event, denominatorEvent] = useWatch({ control, name: ['kind', 'event', 'denominatorEvent'] });
  const events = catalog.data ?? [];
  const propertiesOf = (name: string) => events.find((entry) => entry.event === name.trim())?.properties ?? [];
  const catalogState = catalog.status;
  const usesValue = kind === 'sum' || kind === 'mean';

  const placeServerErrors = (error: unknown) => {
    const fieldErrors = isApiError(error) ? error.fieldErrors : [];
    const unplaced: string[] = [];
    let placed = 0;
    for (const fieldError of fieldErrors) {
      const path = draftPath(fieldError.path);
      if (!path) {
        unplaced.push(`${fieldError.path}: ${fieldError.message}`);
        continue;
      }
      setError(path as FieldPath<MetricDraft>, { type: 'server', message: fieldError.message }, { shouldFocus: placed === 0 });
      placed++;
    }
    if (placed > 0 && unplaced.length === 0) return;
    const isStale = isApiError(error) && error.status === 409 && fieldErrors.length === 0 && metric !== undefined;
    setStale(isStale);
    setError(SERVER_ERROR_KEY, { type: 'server', message: [errorMessage(error), ...unplaced].join(' ') });
  };

  const onSubmit = handleSubmit(async (draft) => {
    setStale(false);
    const { key, ...changes } = bodyFromDraft(draft);
    // A new definition recomputes the results of every live experiment measuring it: ask first.
    const redefined = metric && definitionFields.some((field) => field in changes && JSON.stringify(changes[field] ?? null) !== JSON.stringify(metric[field] ?? null));
    if (redefined && live.length > 0) return setPending({ key, ...changes });
    await send({ key, ...changes });
  });

  const send = async ({ key, ...changes }: ReturnType<typeof bodyFromDraft>) => {
    setPending(null);
    try {
      const saved = metric
        ? await update.mutateAsync({ id: metric.id, body: { expectedVersion: metric.version, ...changes } })
        : await create.mutateAsync({ key, ...changes });
      onSaved(saved);
    } catch (error) {
      placeServerErrors(error);
    }
  };

  const nameField = register('name', {
    onChange: (change: { target: { value: string } }) => {
      if (!keyEdited) setValue('key', keyFromName(change.target.value));
    },
  });
  const keyField = register('key', { onChange: (change: { target: { value: string } }) => setKeyEdited(change.target.value !== '') });

  return (
    <form onSubmit={(submit) => void onSubmit(submit)} noValidate aria-label={metric ? `Edit metric ${metric.name}` : 'New metric'}>
      <ImpactConfirm
        affected={pending ? live : []}
        effect="Their results are recomputed with the new definition for the whole test, so what you saw so far changes."
        onConfirm={() => pending && void send(pending)}
        onCancel={() => setPending(null)}
        loading={update.isPending}
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required autoComplete="off" placeholder="Purchases of shoes" error={errors.name?.message} {...nameField} />
          <TextInput
            label="Key"
            required
            readOnly={metric !== undefined}
            description={metric ? 'Keys never change.' : 'How automation refers to the metric. Follows the name until you edit it.'}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={errors.key?.message}
            {...keyField}
          />
        </SimpleGrid>
        <Textarea label="Description" description="What this metric tells you (optional)" autosize minRows={1} maxRows={4} error={errors.description?.message} {...register('description')} />

        <Stack gap="sm" component="section" aria-labelledby="metric-measure-heading">
          <Title order={3} size="h5" id="metric-measure-heading">
            What to measure
          </Title>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Radio.Group label="Kind" required value={field.value} onChange={(value) => field.onChange(value)} error={errors.kind?.message}>
                <Stack gap="xs" mt={6}>
                  {metricKinds.map((option) => (
                    <Radio key={option} value={option} label={kindLabels[option]} description={kindExplanations[option]} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          <Controller
            control={control}
            name="event"
            render={({ field }) => (
              <EventPicker
                label={kind === 'ratio' ? 'Numerator event' : 'Event'}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                catalog={events}
                catalogState={catalogState}
                needsValue={usesValue}
                error={errors.event?.message}
              />
            )}
          />
          <PropertyFiltersEditor control={control} name="filters" event={event} properties={propertiesOf(event)} errors={errors.filters} />
          {kind === 'ratio' && (
            <>
              <Checkbox
                label="Use the event's value"
                description={`Add up the value sent with each ${event.trim() || 'numerator'} event (e.g. revenue) instead of counting events.`}
                {...register('numeratorUsesValue')}
              />
              <Controller
                control={control}
                name="denominatorEvent"
                render={({ field }) => (
                  <EventPicker
                    label="Denominator event"
                    name={field.name}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    catalog={events}
                    catalogState={catalogState}
                    error={errors.denominatorEvent?.message}
                  />
                )}
              />
              <PropertyFiltersEditor control={control} name="denominatorFilters" event={denominatorEvent} properties={propertiesOf(denominatorEvent)} errors={errors.denominatorFilters} />
            </>
          )}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="metric-read-heading">
          <Title order={3} size="h5" id="metric-read-heading">
            How to read it
          </Title>
          <Controller
            control={control}
            name="direction"
            render={({ field }) => (
              <Radio.Group label="Which way is better" required value={field.value} onChange={field.onChange} error={errors.direction?.message}>
                <Group gap="lg" mt={6}>
                  <Radio value="higher" label={directionLabels.higher} description="e.g. purchases, revenue" />
                  <Radio value="lower" label={directionLabels.lower} description="e.g. errors, cancellations" />
                </Group>
              </Radio.Group>
            )}
          />
          <Group align="flex-start" gap="sm">
            <Controller
              control={control}
              name="windowAmount"
              render={({ field }) => (
                <NumberInput
                  label="Conversion window"
                  description="Count only events this long after a user first sees the experiment. Leave empty to count until it ends."
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  placeholder="No window"
                  min={1}
                  allowDecimal={false}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.windowAmount?.message}
                  style={{ flex: '1 1 240px' }}
                />
              )}
            />
            <NativeSelect label="Unit" data={[{ value: 'days', label: 'days' }, { value: 'hours', label: 'hours' }]} style={{ flex: '0 0 110px' }} {...register('windowUnit')} />
          </Group>
        </Stack>

        <FormError message={errors.root?.server?.message} />
        <Group>
          <Button type="submit" loading={create.isPending || update.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {metric ? 'Save changes' : 'Create metric'}
          </Button>
          {stale && onStale && (
            <Button variant="default" onClick={onStale}>
              Load their version
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
