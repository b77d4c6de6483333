import { Alert, Anchor, Breadcrumbs, Button, Group, Tabs, Text } from '@mantine/core';
import { IconArrowsDiff, IconCode, IconHistory, IconLock, IconSettings, IconStairsUp } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
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
import { ProposeChangeDialog } from '../../features/change-requests/components/propose-change-dialog';
import type { ServingProposal } from '../../features/parameters/utils/approval-gate';
import { notify } from '../../features/parameters/utils/notify';
import { errorMessage } from '../../lib/api-error';
import { ValueEditor } from '../../features/parameters/editors/value-editor';
import { NewRolloutDialog } from '../../features/rollouts/components/new-rollout-dialog';
import { RolloutInProgressCard } from '../../features/rollouts/components/rollout-in-progress-card';

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
  const { key: environment, environment: currentEnvironment } = useCurrentEnvironment();
  const requiresApproval = currentEnvironment?.requiresApproval === true;
  const [proposal, setProposal] = useState<ServingProposal | null>(null);
  const [rollingOut, setRollingOut] = useState(false);
  const navigate = useNavigate();
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
          <Group gap="sm">
            {canEdit && (
              <Button variant="default" leftSection={<IconStairsUp size={16} aria-hidden />} onClick={() => setRollingOut(true)}>
                Roll out safely…
              </Button>
            )}
            <Button component={Link} to={`/parameters/compare?parameter=${encodeURIComponent(current.key)}`} variant="default" leftSection={<IconArrowsDiff size={16} aria-hidden />}>
              Compare environments
            </Button>
          </Group>
        }
      />
      {requiresApproval && (
        <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} title={`Changes in ${currentEnvironment.name} need approval`} mb="md" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          Saving the default value, rules or kill switch here proposes a change request, which someone else approves before apps get it.{' '}
          <Anchor component={Link} to={`/changes?env=${encodeURIComponent(environment)}`} size="sm" c="var(--mantine-color-text)" fw={600} underline="always">
            Open change requests
          </Anchor>
        </Alert>
      )}
      <RolloutInProgressCard environment={environment} parameterKey={current.key} />
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
            // One form per environment: another environment's values (or unsaved edits) must never be saved into this one.
            key={`${current.id}:${current.environmentId}`}
            parameter={current}
            canEdit={canEdit}
            onReloaded={(theirs) => void storeSavedParameter(queryClient, environment, theirs)}
            onProposeChange={requiresApproval ? setProposal : undefined}
            onScheduleChange={requiresApproval ? undefined : setProposal}
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
      <NewRolloutDialog
        opened={rollingOut}
        onClose={() => setRollingOut(false)}
        environment={environment}
        parameter={current}
        segments={segments.data ?? []}
        renderValueEditor={(slot) => <ValueEditor spec={current.spec} label="New value" {...slot} />}
        onCreated={(rollout) => void navigate(`/rollouts/${encodeURIComponent(rollout.id)}?env=${encodeURIComponent(environment)}`)}
        approvalBypass={requiresApproval && user.role === 'admin'}
      />
      {currentEnvironment && (
        <ProposeChangeDialog
          environment={currentEnvironment}
          change={proposal}
          onCancel={() => setProposal(null)}
          onProposed={(changeRequest) => {
            // Name, description and tags need no approval: they save as usual alongside the proposal.
            proposal?.saveRest().catch((error: unknown) => notify(`The change request was made, but the name, description or tags were not saved: ${errorMessage(error)}`, 'red'));
            setProposal(null);
            void navigate(`/changes/${encodeURIComponent(changeRequest.id)}?env=${encodeURIComponent(environment)}`);
          }}
          onSaveDirectly={
            user.role === 'admin' && requiresApproval
              ? async (reason) => {
                  await proposal?.saveDirectly(reason);
                  setProposal(null);
                }
              : undefined
          }
        />
      )}
    </>
  );
}
