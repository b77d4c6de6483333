import { Anchor, EmptyState, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconGitPullRequest } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ChangeRequestStatus } from '../../../../shared/contract/change-requests';
import type { Environment } from '../../../../shared/contract/environments';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { changeRequestsQueryOptions } from '../api/list-change-requests';
import { ChangeRequestStatusBadge } from './change-request-status';

export type StatusFilter = ChangeRequestStatus | 'all';
const filters: Array<{ value: StatusFilter; label: string }> = [
  { value: 'open', label: 'Open' },
  { value: 'published', label: 'Published' },
  { value: 'discarded', label: 'Discarded' },
  { value: 'all', label: 'All' },
];

const emptyText: Record<StatusFilter, string> = {
  open: 'Nothing is waiting for review here.',
  published: 'No change request has been published here yet.',
  discarded: 'No change request has been discarded here.',
  all: 'No change request has been made here yet.',
};

export interface ChangeRequestsListProps {
  environment: Environment;
  status: StatusFilter;
  onStatusChange: (status: StatusFilter) => void;
}

/** One environment's change requests, newest first, filtered by status. */
export function ChangeRequestsList({ environment, status, onStatusChange }: ChangeRequestsListProps) {
  const list = useQuery(changeRequestsQueryOptions(environment.key, status));
  let body;
  if (list.isPending)
    body = (
      <Stack aria-busy="true" aria-label="Loading change requests">
        <Skeleton height={36} />
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  else if (list.isError) body = <QueryError title="Could not load change requests" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (list.data.length === 0)
    body = (
      <EmptyState
        icon={<IconGitPullRequest aria-hidden />}
        withIndicatorBackground
        title={`No ${status === 'all' ? '' : `${status} `}change requests in ${environment.name}`}
        description={`${emptyText[status]} ${environment.requiresApproval ? 'Saving a parameter here proposes a change request.' : 'Changes here are saved directly; change requests are for scheduling them.'}`}
      />
    );
  else
    body = (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Changes</Table.Th>
              <Table.Th scope="col">Author</Table.Th>
              <Table.Th scope="col">Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/changes/${encodeURIComponent(item.id)}?env=${encodeURIComponent(environment.key)}`}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ChangeRequestStatusBadge changeRequest={item} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {[...item.items.map((change) => change.parameterKey), ...(item.experiments ?? []).map((change) => change.experimentKey)].join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>{item.authorName}</Table.Td>
                <Table.Td>{formatDateTime(item.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md">
      <Group>
        <SegmentedControl aria-label="Status" data={filters} value={status} onChange={(value) => onStatusChange(value as StatusFilter)} />
      </Group>
      {body}
    </Stack>
  );
}
