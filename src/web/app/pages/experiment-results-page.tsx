import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { experimentQueryOptions } from '../../features/experiments/api/get-experiment';
import { ExperimentStatusBadge } from '../../features/experiments/components/experiment-status-badge';
import { ResultsView } from '../../features/results/components/results-view';
import { settingsFromSearch, settingsToSearch } from '../../features/results/lib/results-settings';
import { attributesQueryOptions } from '../../features/segments/api/list-attributes';

/** /experiments/:id/results: which variant is ahead, how sure we are, and whether anything is broken. */
export function ExperimentResultsPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const experiment = useQuery(experimentQueryOptions(id));
  const attributes = useQuery(attributesQueryOptions());
  const settings = settingsFromSearch(search);
  const name = experiment.data?.name;
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/experiments" size="sm">
          Experiments
        </Anchor>
        <Anchor component={Link} to={`/experiments/${encodeURIComponent(id)}`} size="sm" ff="monospace">
          {experiment.data?.key ?? id}
        </Anchor>
        <Text size="sm">Results</Text>
      </Breadcrumbs>
      <PageHeader
        title={name ? `Results: ${name}` : 'Results'}
        description={experiment.data?.hypothesis || undefined}
        actions={experiment.data && <ExperimentStatusBadge status={experiment.data.status} />}
      />
      <ResultsView
        experimentId={id}
        settings={settings}
        onSettingsChange={(next) => setSearch(settingsToSearch(next), { replace: true })}
        attributes={(attributes.data ?? []).map((a) => a.name)}
      />
    </>
  );
}
