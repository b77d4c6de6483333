import { EmptyState, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../../components/query-error';
import { usersQueryOptions } from '../api/list-users';
import { UserRow } from './user-row';
import { SkeletonRows, TableHead } from '../../../components/table-parts';

export interface UsersTableProps {
  currentUserId: string;
}

const columns = ['Name', 'Email', 'Role', 'Status', 'Access'];

export function UsersTable({ currentUserId }: UsersTableProps) {
  const users = useQuery(usersQueryOptions());

  if (users.isError) {
    return <QueryError title="Could not load users" error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />;
  }
  if (users.isSuccess && users.data.length === 0) {
    return <EmptyState icon={<IconUsers aria-hidden />} title="No one here yet" description="Invite your team with the form above." />;
  }

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" highlightOnHover aria-busy={users.isPending}>
          <Table.Caption>Everyone with access to this workspace</Table.Caption>
          <TableHead columns={columns} />
          <Table.Tbody>
            {users.isPending
              ? <SkeletonRows columns={columns} />
              : users.data.map((user) => <UserRow key={user.id} user={user} isCurrentUser={user.id === currentUserId} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed" mt="xs">
        You cannot change your own role or disable your own account: ask another admin.
      </Text>
    </>
  );
}
