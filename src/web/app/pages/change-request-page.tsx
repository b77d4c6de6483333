import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { TypeSpec } from '../../../shared/values';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useSession } from '../../features/auth/api/session-context';
import { changeRequestQueryOptions } from '../../features/change-requests/api/get-change-request';
import { ChangeRequestView } from '../../features/change-requests/components/change-request-view';
import { parameterQueryOptions } from '../../features/parameters/api/get-parameter';
import { segmentsQueryOptions } from '../../features/segments/api/list-segments';
import { environmentsQueryOptions } from '../../lib/environments';

/** One change request: its diff, reviews, comments and actions. */
export function ChangeRequestPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const changeRequest = useQuery(changeRequestQueryOptions(id));
  const environments = useQuery(environmentsQueryOptions());
  const segments = useQuery(segmentsQueryOptions());
  const environment = environments.data?.find((item) => item.id === changeRequest.data?.environmentId);
  // Each parameter's type, so values show the way the app shows them.
  const parameters = useQueries({
    queries: (changeRequest.data?.items ?? []).map((item) => ({ ...parameterQueryOptions(environment?.key ?? changeRequest.data?.environmentId ?? '', item.parameterId), retry: false })),
  });
  const specs: Record<string, TypeSpec | undefined> = {};
  for (const parameter of parameters) if (parameter.data) specs[parameter.data.id] = parameter.data.spec;
  const segmentName = (segmentId: string) => segments.data?.find((segment) => segment.id === segmentId)?.name;

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to={`/changes${environment ? `?env=${encodeURIComponent(environment.key)}` : ''}`} size="sm">
        Change requests
      </Anchor>
      <Text size="sm">{changeRequest.data?.title ?? id}</Text>
    </Breadcrumbs>
  );

  if (changeRequest.isPending) return <PageLoader label="Loading change request…" />;
  if (changeRequest.isError)
    return (
      <>
        {crumbs}
        <PageHeader title="Change request" />
        <QueryError title="Could not load this change request" error={changeRequest.error} onRetry={() => void changeRequest.refetch()} retrying={changeRequest.isFetching} />
      </>
    );

  return (
    <>
      {crumbs}
      <PageHeader title={changeRequest.data.title} />
      <ChangeRequestView changeRequest={changeRequest.data} environment={environment} user={user} specs={specs} segmentName={segmentName} />
    </>
  );
}
