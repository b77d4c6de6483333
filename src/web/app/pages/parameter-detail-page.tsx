import { Anchor, Breadcrumbs, Button, Tabs, Text } from '@mantine/core';
import { IconArrowsDiff, IconCode, IconHistory, IconSettings } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { UsagePanel } from '../../components/usage/usage-panel';
import { useSession } from '../../features/auth/api/session-context';
import { parameterQueryOptions } from '../../features/parameters/api/get-parameter';
import { parameterVersionsQueryOptions } from '../../features/parameters/api/list-versions';
import { storeSavedParameter } from '../../features/parameters/api/update-parameter';
import { ParameterEditForm } from '../../features/parameters/components/parameter-edit-form';
import { ParameterSummary } from '../../features/parameters/components/parameter-summary';
import { UseInApp } from '../../features/parameters/components/use-in-app';
import { TargetingRulesEditor } from '../../features/parameters/components/targeting-rules-editor';
import { VersionHistory } from '../../features/parameters/components/version-history';
import { segmentsQueryOptions } from '../../features/segments/api/list-segments';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

const tabs = ['value', 'history', 'use'] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return (tabs as readonly (string | null)[]).includes(value);
}

export function ParameterDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'value';
  const { user } = useSession();
  const canEdit = user.role !== 'viewer';
  const queryClient = useQueryClient();
  const environment = useCurrentEnvironment().key;
  const parameter = useQuery(parameterQueryOptions(environment, id));
  const versions = useQuery({ ...parameterVersionsQueryOptions(environment, parameter.data?.id ?? id), enabled: parameter.isSuccess });
  const latest = versions.data?.[0];
  const segments = useQuery(segmentsQueryOptions());

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/parameters" size="sm">
        Parameters
      </Anchor>
      <Text size="sm" ff="monospace">
        {parameter.data?.key ?? id}
      </Text>
    </Breadcrumbs>
  );

  if (parameter.isPending) return <PageLoader label="Loading parameter…" />;
  if (parameter.isError) {
    return (
      <>
        {crumbs}
        <PageHeader title="Parameter" />
        <QueryError title="Could not load this parameter" error={parameter.error} onRetry={() => void parameter.refetch()} retrying={parameter.isFetching} />
      </>
    );
  }

  const current = parameter.data;
  return (
    <>
      {crumbs}
      <PageHeader
        title={current.name}
        description={current.description || undefined}
        actions={
          <Button component={Link} to={`/parameters/compare?parameter=${encodeURIComponent(current.key)}`} variant="default" leftSection={<IconArrowsDiff size={16} aria-hidden />}>
            Compare environments
          </Button>
        }
      />
      <ParameterSummary parameter={current} updatedByName={latest?.version === current.version ? latest.authorName : undefined} />
      <UsagePanel kind="parameters" id={current.id} />
      <Tabs value={tab} onChange={(next) =>
          setParams(
            (previous) => {
              const updated = new URLSearchParams(previous);
              if (next && next !== 'value') updated.set('tab', next);
              else updated.delete('tab');
              return updated;
            },
            { replace: true },
          )
        } keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="value" leftSection={<IconSettings size={16} aria-hidden />}>
            Value
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            History
          </Tabs.Tab>
          <Tabs.Tab value="use" leftSection={<IconCode size={16} aria-hidden />}>
            Use in your app
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="value">
          <ParameterEditForm
            key={current.id}
            parameter={current}
            canEdit={canEdit}
            onReloaded={(theirs) => void storeSavedParameter(queryClient, environment, theirs)}
            renderRules={(rules) => <TargetingRulesEditor {...rules} segments={segments.data ?? []} />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <VersionHistory parameter={current} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="use">
          <UseInApp parameter={current} baseUrl={window.location.origin} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
