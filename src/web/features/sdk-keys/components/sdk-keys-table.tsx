import { EmptyState, Skeleton, Table } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../../components/query-error';
import { sdkKeysQueryOptions } from '../api/list-sdk-keys';
import { SdkKeyRow } from './sdk-key-row';

export function SdkKeysTable({ canManage }: { canManage: boolean }) {
  const keys = useQuery(sdkKeysQueryOptions());
  const columns = ['Name', 'Environment', 'Kind', 'Key', 'Created', 'Last used', 'Status', ...(canManage ? ['Action'] : [])];

  if (keys.isError) {
    return <QueryError title="Could not load SDK keys" error={keys.error} onRetry={() => void keys.refetch()} retrying={keys.isFetching} />;
  }
  if (keys.isSuccess && keys.data.length === 0) {
    return (
      <EmptyState
        icon={<IconPlugConnected aria-hidden />}
        withIndicatorBackground
        title="No SDK keys yet"
        description={canManage ? 'Create one for each app that reads values over OpenFeature (OFREP).' : 'An admin creates the keys apps use to read values.'}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-busy={keys.isPending}>
        <Table.Caption>SDK keys apps use for /ofrep and /sdk</Table.Caption>
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
          {keys.isPending
            ? [0, 1].map((row) => (
                <Table.Tr key={row}>
                  {columns.map((column) => (
                    <Table.Td key={column}>
                      <Skeleton height={16} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : keys.data.map((sdkKey) => <SdkKeyRow key={sdkKey.id} sdkKey={sdkKey} canManage={canManage} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
