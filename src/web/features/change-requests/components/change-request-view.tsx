import { Alert, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import type { User } from '../../../../shared/contract/auth';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import type { Environment } from '../../../../shared/contract/environments';
import type { TypeSpec } from '../../../../shared/values';
import { EnvironmentBadge } from '../../../components/environment-badge';
import { formatDateTime } from '../../../lib/format';
import type { SegmentName } from '../utils/describe-rules';
import { ChangeItemDiff } from './change-item-diff';
import { ChangeRequestActions } from './change-request-actions';
import { ChangeRequestStatusBadge } from './change-request-status';
import { ExperimentChangeItem } from './experiment-change-item';
import { CommentThread } from './comment-thread';
import { ReviewsPanel } from './reviews-panel';

export interface ChangeRequestViewProps {
  changeRequest: ChangeRequest;
  environment: Environment | undefined;
  user: Pick<User, 'id' | 'role'>;
  /** Each parameter's type, to show values the way the app shows them (undefined until loaded). */
  specs: Record<string, TypeSpec | undefined>;
  segmentName: SegmentName;
}

/** A change request: what it changes, who reviewed which revision, the discussion, and what can be done next. */
export function ChangeRequestView({ changeRequest, environment, user, specs, segmentName }: ChangeRequestViewProps) {
  const open = changeRequest.status === 'open';
  const experiments = changeRequest.experiments ?? [];
  const environmentKey = environment?.key ?? changeRequest.environmentId;
  return (
    <Stack gap="lg">
      <Group gap="lg" wrap="wrap" aria-label="Summary" role="group">
        <ChangeRequestStatusBadge changeRequest={changeRequest} />
        <EnvironmentBadge environmentId={changeRequest.environmentId} />
        <Text size="sm">{`By ${changeRequest.authorName}, ${formatDateTime(changeRequest.createdAt)}`}</Text>
        <Text size="sm">{`Revision ${changeRequest.revision}`}</Text>
      </Group>
      {changeRequest.status === 'published' && changeRequest.publishedAt && (
        <Alert color="teal" variant="light" title="Published">
          {`Published ${formatDateTime(changeRequest.publishedAt)}${changeRequest.publishedBy ? ` by ${changeRequest.publishedBy}` : ''}.`}
          {changeRequest.bypassReason && ` Without approval, because: “${changeRequest.bypassReason}”.`}
        </Alert>
      )}
      {changeRequest.status === 'discarded' && (
        <Alert color="gray" variant="light" title="Discarded">
          Nothing in it was published.
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" component="section" aria-labelledby="changes-heading">
            <Text fw={600} size="lg" id="changes-heading" component="h2" m={0}>
              {`Changes (${changeRequest.items.length + experiments.length})`}
            </Text>
            {changeRequest.items.map((item) => (
              <ChangeItemDiff key={item.parameterId} item={item} environmentKey={environmentKey} spec={specs[item.parameterId]} segmentName={segmentName} />
            ))}
            {experiments.map((change) => (
              <ExperimentChangeItem key={`${change.experimentId}-${change.action}`} change={change} environmentKey={environmentKey} segmentName={segmentName} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {open && user.role !== 'viewer' && (
              <Paper withBorder p="md" radius="md">
                <ChangeRequestActions changeRequest={changeRequest} environment={environment} user={user} />
              </Paper>
            )}
            <ReviewsPanel changeRequest={changeRequest} />
            <CommentThread changeRequest={changeRequest} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
