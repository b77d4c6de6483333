import { Badge, Select, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ExperimentResults } from '../../../../shared/contract/results';
import { fileSlug } from '../lib/download';
import type { Difference } from '../lib/format-results';
import { ChartCard } from './charts/chart-card';
import { variantColor } from './charts/chart-colors';
import { dateRangeText } from './charts/chart-data';
import { CumulativeChart } from './charts/cumulative-chart';
import { ExposuresChart } from './charts/exposures-chart';
import { ForestPlot } from './charts/forest-plot';
import { LiftChart } from './charts/lift-chart';
import { PosteriorChart } from './charts/posterior-chart';

function srmLabel(results: ExperimentResults) {
  const p = results.srm.pValue;
  const text = p < 0.0001 ? 'p < 0.0001' : `p = ${p.toPrecision(2)}`;
  return results.srm.mismatch ? (
    <Badge color="red.9" variant="filled">{`Sample ratio mismatch (${text})`}</Badge>
  ) : (
    <Badge color="teal.9" variant="outline">{`Split as configured (${text})`}</Badge>
  );
}

/** Every chart of the results page; the metric charts follow the chosen metric. */
export function ResultsCharts({ results, difference }: { results: ExperimentResults; difference: Difference }) {
  const decision = results.headline.metricId ?? results.metrics[0]?.id ?? null;
  const [chosen, setChosen] = useState<string | null>(decision);
  const metric = results.metrics.find((m) => m.id === chosen) ?? results.metrics.find((m) => m.id === decision) ?? results.metrics[0];
  const slug = fileSlug(results.experiment.key);
  const hasUsers = results.exposures.length > 0;
  // What each exported image says around its chart: experiment, metric, dates and legend.
  const dates = dateRangeText([...results.exposures.map((e) => e.day), ...(metric?.series.map((p) => p.day) ?? [])]);
  const legend = results.variants.map((v, i) => ({ name: v.name, color: variantColor(i) }));
  const caption = (metricName?: string, series = legend) => ({
    lines: [`Experiment: ${results.experiment.name}`, ...(metricName ? [`Metric: ${metricName}`] : []), ...(dates ? [`Dates: ${dates}`] : [])],
    legend: series,
  });
  return (
    <Stack gap="md">
      {metric && hasUsers && (
        <>
          {results.metrics.length > 1 && (
            <Select
              label="Metric in the charts"
              w={280}
              allowDeselect={false}
              value={metric.id}
              onChange={setChosen}
              data={results.metrics.map((m) => ({ value: m.id, label: m.name }))}
            />
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard title={`${metric.name} over time`} description="Cumulative: each day counts every user exposed up to then." filename={`${slug}-${fileSlug(metric.key)}-cumulative`} exported={caption(metric.name)}>
              <CumulativeChart metric={metric} results={results} />
            </ChartCard>
            <ChartCard title={`Lift on ${metric.name} over time`} description="With its interval: once the band clears zero, the difference is real." filename={`${slug}-${fileSlug(metric.key)}-lift`} exported={caption(metric.name, legend.slice(1))}>
              <LiftChart metric={metric} results={results} difference={difference} />
            </ChartCard>
          </SimpleGrid>
        </>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {hasUsers && (
          <ChartCard title="Users exposed per day" description={srmLabel(results)} filename={`${slug}-exposures`} exported={caption()}>
            <ExposuresChart results={results} />
          </ChartCard>
        )}
        {hasUsers && results.metrics.length > 0 && (
          <ChartCard title="Lift on every metric" description="Relative to control, with 95% intervals; the dashed line is no change." filename={`${slug}-forest`} exported={caption(undefined, legend.slice(1))}>
            <ForestPlot results={results} />
          </ChartCard>
        )}
        {metric && hasUsers && results.query.engine === 'bayesian' && (
          <ChartCard title={`Posterior of the lift on ${metric.name}`} description="How likely each size of lift is, given the data: the area right of 0 is the chance the variant is higher than control." filename={`${slug}-${fileSlug(metric.key)}-posterior`} exported={caption(metric.name, legend.slice(1))}>
            <PosteriorChart metric={metric} results={results} />
          </ChartCard>
        )}
      </SimpleGrid>
    </Stack>
  );
}
