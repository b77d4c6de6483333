import { Anchor, Button, EmptyState, MultiSelect, Select, Skeleton, Stack } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Controller, useFormContext } from 'react-hook-form';
import { Link } from 'react-router';
import type { Metric } from '../../../../../shared/contract/metrics';
import { QueryError } from '../../../../components/query-error';
import { metricOptionsQueryOptions } from '../../api/catalog-options';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import { useEditorContext } from './editor-context';

const kindLabels: Record<Metric['kind'], string> = { conversion: 'conversion', count: 'count per user', sum: 'sum per user', mean: 'mean value', ratio: 'ratio' };

function option(metric: Metric) {
  return { value: metric.id, label: `${metric.name} · ${kindLabels[metric.kind]}, ${metric.direction === 'higher' ? 'higher' : 'lower'} is better` };
}

/** One primary metric that decides, any secondary ones to learn from, guardrails that must not get worse. */
export function MetricsStep() {
  const { readOnly } = useEditorContext();
  const { control } = useFormContext<ExperimentFormInput>();
  const metrics = useQuery(metricOptionsQueryOptions());

  if (metrics.isPending) return <Skeleton height={120} radius="md" aria-label="Loading metrics" />;
  if (metrics.isError) return <QueryError title="Could not load the metrics" error={metrics.error} onRetry={() => void metrics.refetch()} retrying={metrics.isFetching} />;
  if (metrics.data.length === 0) {
    return (
      <EmptyState
        icon={<IconChartLine aria-hidden />}
        withIndicatorBackground
        title="No metrics yet"
        description="A metric turns the events your app sends (purchases, sign-ups, clicks) into a number per variant. Define one on the metrics page, then come back to pick it."
      >
        <Button component={Link} to="/metrics">
          Go to metrics
        </Button>
      </EmptyState>
    );
  }
  const options = metrics.data.map(option);
  return (
    <Stack gap="md">
      <Controller
        control={control}
        name="metrics.primary"
        render={({ field, fieldState }) => (
          <Select
            label="Primary metric"
            description="The one number that decides which variant wins"
            placeholder="Choose a metric"
            data={options}
            value={field.value ?? null}
            onChange={(value) => field.onChange(value)}
            clearable
            searchable
            error={fieldState.error?.message}
            disabled={readOnly}
          />
        )}
      />
      <MetricsMultiSelect
        name="metrics.secondary"
        label="Secondary metrics"
        description="Shown in the results to explain the primary one"
        options={options}
        disabled={readOnly}
      />
      <MetricsMultiSelect
        name="metrics.guardrails"
        label="Guardrail metrics"
        description="Must not get worse, e.g. errors or unsubscribes; the results warn when one does"
        options={options}
        disabled={readOnly}
      />
      <Anchor component={Link} to="/metrics" size="sm">
        Define another metric
      </Anchor>
    </Stack>
  );
}

interface MetricsMultiSelectProps {
  name: 'metrics.secondary' | 'metrics.guardrails';
  label: string;
  description: string;
  options: { value: string; label: string }[];
  disabled: boolean;
}

function MetricsMultiSelect({ name, label, description, options, disabled }: MetricsMultiSelectProps) {
  const { control } = useFormContext<ExperimentFormInput>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MultiSelect
          label={label}
          description={description}
          data={options}
          value={field.value ?? []}
          onChange={field.onChange}
          searchable
          clearable
          error={fieldState.error?.message}
          disabled={disabled}
        />
      )}
    />
  );
}
