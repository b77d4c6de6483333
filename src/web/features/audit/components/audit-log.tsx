import { Button, EmptyState, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { auditQueryOptions, type AuditFilters as Filters } from '../api/list-audit';
import { AuditFilters, emptyAuditFilters, type AuditFilterValues } from './audit-filters';
import { AuditRow } from './audit-row';
import { SkeletonRows } from '../../../components/table-parts';

const columns = ['Changes', 'Time', 'Person', 'Action', 'Object'];

/** Local day boundaries as ISO instants. */
function toQuery(values: AuditFilterValues): Filters {
  const day = (date: string, end: boolean) => (date ? new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);
  return {
    objectType: values.objectType || undefined,
    objectId: values.objectId || undefined,
    actorId: values.actorId || undefined,
    from: day(values.from, false),
    to: day(values.to, true),
  };
}

export interface AuditLogProps {
  people?: readonly { id: string; name: string }[];
  pageSize?: number;
}

/** Who changed what and when, newest first, with filters and "Load more". */
export function AuditLog({ people, pageSize = 50 }: AuditLogProps) {
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const [debounced] = useDebouncedValue(filters, 300);
  const query = useMemo(() => toQuery(debounced), [debounced]);
  const audit = useInfiniteQuery(auditQueryOptions(query, pageSize));
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(debounced).some(Boolean);

  return (
    <Stack gap="md">
      <AuditFilters value={filters} onChange={setFilters} people={people} />
      {audit.isError ? (
        <QueryError title="Could not load the audit log" error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
      ) : audit.isSuccess && entries.length === 0 ? (
        <EmptyState
          icon={<IconHistory aria-hidden />}
          withIndicatorBackground
          title={filtered ? 'No changes match these filters' : 'No changes recorded yet'}
          description={filtered ? 'Try a wider date range or another object type.' : 'Every change to parameters, segments, experiments, people and keys is recorded here.'}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-busy={audit.isPending}>
              <Table.Caption>Changes, newest first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column} scope="col">
                      {column === 'Changes' ? <VisuallyHidden>{column}</VisuallyHidden> : column}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.isPending
                  ? <SkeletonRows columns={columns} />
                  : entries.map((entry) => <AuditRow key={entry.id} entry={entry} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {audit.isSuccess ? `${entries.length} ${entries.length === 1 ? 'change' : 'changes'} shown` : ''}
            </Text>
            {audit.hasNextPage && (
              <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
