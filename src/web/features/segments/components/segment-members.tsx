import { Anchor, Code, EmptyState, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { segmentMembersQueryOptions } from '../api/list-members';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface SegmentMembersProps {
  segmentId: string;
  /** Where "Preview" goes for a user, e.g. (key) => `/preview?user=${key}`. */
  previewHref: (targetingKey: string) => string;
}

const attributeSummary = (attributes: Record<string, unknown>) =>
  Object.entries(attributes)
    .filter(([key]) => key !== 'targetingKey')
    .slice(0, 4)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');

/** "Who is in it": a sample of known users the saved segment matches. */
export function SegmentMembers({ segmentId, previewHref }: SegmentMembersProps) {
  const environment = useCurrentEnvironment().key;
  const members = useQuery(segmentMembersQueryOptions(environment, segmentId));

  if (members.isError) {
    return <QueryError title="Could not load the members" error={members.error} onRetry={() => void members.refetch()} retrying={members.isFetching} />;
  }
  if (members.isPending) return <Skeleton height={80} radius="md" />;
  if (members.data.length === 0) {
    return (
      <EmptyState
        icon={<IconUserSearch aria-hidden />}
        withIndicatorBackground
        title="Nobody seen yet"
        description="No user seen in the last 30 days matches the saved definition."
      />
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        A sample of known users in this segment (saved definition).
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">User</Table.Th>
              <Table.Th scope="col">Attributes</Table.Th>
              <Table.Th scope="col">Last seen</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((member) => (
              <Table.Tr key={member.targetingKey}>
                <Table.Td>
                  <Code>{member.targetingKey}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{attributeSummary(member.attributes)}</Text>
                </Table.Td>
                <Table.Td>{formatDateTime(member.lastSeenAt)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={previewHref(member.targetingKey)} size="sm">
                    Preview as {member.targetingKey}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
