import { Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, startTransition, Suspense, useCallback, useDeferredValue, useEffect, useState } from 'react';
import type { ExperimentResults } from '../../../../shared/contract/results';
import type { Difference } from '../lib/format-results';
import { QueryError } from '../../../components/query-error';
import { resultsQueryOptions } from '../api/get-results';
import { downloadBlob, fileSlug } from '../lib/download';
import { resultsCsv } from '../lib/export-csv';
import type { ResultsSettings } from '../lib/results-settings';
import { BreakdownTable } from './breakdown-table';
import { HealthBanners } from './health-banners';
import { MetricTable } from './metric-table';
import { ResultsControls } from './results-controls';
import { VerdictLine } from './verdict-line';

// The charts' code (Recharts, most of the page's JavaScript) is a chunk of its own, loaded and run
// only when the charts come near the screen: on a phone the verdict and the tables fill the first
// screens, and parsing Recharts and drawing five charts cost seconds of main thread on a mid-range phone.
const ResultsCharts = lazy(async () => ({ default: (await import('./results-charts')).ResultsCharts }));

export interface ResultsViewProps {
  experimentId: string;
  settings: ResultsSettings;
  onSettingsChange: (next: ResultsSettings) => void;
  attributes: string[];
}

/** Large experiments take a few seconds: say what is happening and for how long. */
function Computing() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text>Computing results…</Text>
        <Text size="sm" c="dimmed">
          {seconds < 3 ? 'Adding up every exposed user’s events per variant.' : `Still working (${seconds} s): large experiments take a few seconds the first time.`}
        </Text>
      </Stack>
    </Center>
  );
}

/** Where no IntersectionObserver exists (jsdom in the unit tests), the charts draw at once. */
const canObserve = typeof IntersectionObserver !== 'undefined';

/**
 * The charts draw once their place is within a screen of the viewport, and stay drawn: the verdict and the tables
 * never wait for them. Their first render is a transition (React yields to the browser while it works).
 */
function DeferredCharts({ results, difference }: { results: ExperimentResults; difference: Difference }) {
  const [near, setNear] = useState(!canObserve);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element || !canObserve) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        startTransition(() => setNear(true));
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const placeholder = (
    <Center mih={560}>
      <Loader aria-hidden />
    </Center>
  );
  return (
    <div ref={ref} style={{ minHeight: 560 }}>
      {near ? (
        <Suspense fallback={placeholder}>
          <ResultsCharts results={results} difference={difference} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}

export function ResultsView({ experimentId, settings, onSettingsChange, attributes }: ResultsViewProps) {
  const query = useQuery(resultsQueryOptions(experimentId, settings));
  // The tables render in the background, in slices, once the header and controls are on screen:
  // a query's answer otherwise renders synchronously, in one piece, a long frozen task on a phone.
  const results = useDeferredValue(query.data);
  const controls = <ResultsControls value={settings} onChange={onSettingsChange} attributes={attributes} />;
  if (query.isError) {
    return (
      <Stack gap="md">
        {controls}
        <QueryError title="Could not compute the results" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Stack>
    );
  }
  // Pending, or the answer is here but its background render is not done yet.
  if (!results) {
    return (
      <Stack gap="md">
        {controls}
        <Computing />
      </Stack>
    );
  }
  const difference = settings.difference;
  const decision = results.headline.metricId ?? results.metrics[0]?.id;
  const exportCsv = () => downloadBlob(new Blob([resultsCsv(results)], { type: 'text/csv;charset=utf-8' }), `${fileSlug(results.experiment.key)}-results.csv`);
  return (
    <Stack gap="md" aria-busy={query.isFetching}>
      {controls}
      <Group gap="xs" mih={20}>
        {query.isPlaceholderData && (
          <>
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed" role="status">
              Computing results…
            </Text>
          </>
        )}
      </Group>
      <VerdictLine headline={results.headline} />
      <HealthBanners health={results.health} />
      {results.metrics.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="results-table-title">
          <Group justify="space-between">
            <Title order={2} size="h3" id="results-table-title">
              Metrics
            </Title>
            <Button variant="default" size="xs" leftSection={<IconFileSpreadsheet size={14} aria-hidden />} onClick={exportCsv}>
              Export CSV
            </Button>
          </Group>
          {results.metrics.map((metric) => (
            <MetricTable key={metric.id} metric={metric} results={results} difference={difference} />
          ))}
        </Stack>
      ) : (
        <EmptyState icon={<IconChartBar aria-hidden />} withIndicatorBackground title="No metrics to show" description="Choose a primary metric for this experiment to compare its variants." />
      )}
      {results.breakdown && decision && <BreakdownTable results={results} metricId={decision} difference={difference} />}
      {results.exposures.length > 0 ? (
        <section aria-label="Charts">
          <DeferredCharts results={results} difference={difference} />
        </section>
      ) : (
        <EmptyState icon={<IconChartBar aria-hidden />} withIndicatorBackground title="No charts yet" description="Charts appear once users have been exposed in this date range." />
      )}
      <Text size="xs" c="dimmed">
        Computed {new Date(results.computedAt).toLocaleString()} · {results.query.engine} statistics
        {results.query.engine !== 'bayesian' && results.query.correction !== 'none' ? `, ${results.query.correction === 'holm' ? 'Holm-Bonferroni' : 'Benjamini-Hochberg'} correction` : ''}
        {results.query.cuped ? ', CUPED where users have history' : ''} · 95% intervals
      </Text>
    </Stack>
  );
}
