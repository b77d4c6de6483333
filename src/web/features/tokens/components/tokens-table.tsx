import { EmptyState, Skeleton, Table } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../../components/query-error';
import { tokensQueryOptions } from '../api/list-tokens';
import { TokenRow } from './token-row';

const columns = ['Name', 'Role', 'Token', 'Created', 'Last used', 'Status', 'Action'];

export function TokensTable() {
  const tokens = useQuery(tokensQueryOptions());

  if (tokens.isError) {
    return <QueryError title="Could not load API tokens" error={tokens.error} onRetry={() => void tokens.refetch()} retrying={tokens.isFetching} />;
  }
  if (tokens.isSuccess && tokens.data.length === 0) {
    return (
      <EmptyState
        icon={<IconKey aria-hidden />}
        withIndicatorBackground
        title="No API tokens yet"
        description="Create one to let scripts and CI call the Switchboard API."
      />
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-busy={tokens.isPending}>
        <Table.Caption>API tokens, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.isPending
            ? [0, 1].map((row) => (
                <Table.Tr key={row}>
                  {columns.map((column) => (
                    <Table.Td key={column}>
                      <Skeleton height={16} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : tokens.data.map((token) => <TokenRow key={token.id} token={token} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
