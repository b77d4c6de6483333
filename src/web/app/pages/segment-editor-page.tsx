import { Anchor, Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { segmentQueryOptions } from '../../features/segments/api/get-segment';
import type { ImpactWarning } from '../../../shared/contract/usage';
import { UsagePanel } from '../../components/usage/usage-panel';
import { warningsText } from '../../components/usage/usage-query';
import { SegmentForm } from '../../features/segments/components/segment-form';
import { SegmentMembers } from '../../features/segments/components/segment-members';

const previewHref = (targetingKey: string) => `/preview?user=${encodeURIComponent(targetingKey)}`;

function BackLink() {
  return (
    <Anchor component={Link} to="/segments" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All segments
      </Group>
    </Anchor>
  );
}

/** /segments/new and /segments/:id. */
export function SegmentEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const isNew = !id || id === 'new';
  const segment = useQuery({ ...segmentQueryOptions(id ?? ''), enabled: !isNew });

  if (isNew) {
    return (
      <>
        <BackLink />
        <PageHeader title="New segment" description="Describe who is in it; the reach updates as you go." />
        <SegmentForm
          onSaved={(saved) => {
            notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'teal', title: 'Segment created', message: `“${saved.name}” is ready to use.` });
            void navigate(`/segments/${saved.id}`, { replace: true });
          }}
        />
      </>
    );
  }
  if (segment.isError) {
    return (
      <>
        <BackLink />
        <PageHeader title="Segment" />
        <QueryError title="Could not load the segment" error={segment.error} onRetry={() => void segment.refetch()} retrying={segment.isFetching} />
      </>
    );
  }
  if (segment.isPending) return <PageLoader label="Loading segment…" />;

  const data = segment.data;
  return (
    <>
      <BackLink />
      <PageHeader
        title={data.name}
        description={data.description || undefined}
        actions={data.archivedAt ? <Badge color="gray">Archived</Badge> : <Badge variant="light">Version {data.version}</Badge>}
      />
      <Stack gap="xl">
        <SegmentForm
          key={data.id}
          segment={data}
          onSaved={(saved) => {
            const warnings = 'warnings' in saved && Array.isArray(saved.warnings) ? (saved.warnings as ImpactWarning[]) : [];
            const message = `“${saved.name}” is now version ${saved.version}.${warnings.length > 0 ? ` ${warningsText(warnings)}` : ''}`;
            notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: warnings.length > 0 ? 'orange' : 'teal', title: 'Segment saved', message });
          }}
        />
        <UsagePanel kind="segments" id={data.id} />
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="segment-members-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="segment-members-heading">
              Who is in it
            </Title>
            <SegmentMembers segmentId={data.id} previewHref={previewHref} />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
