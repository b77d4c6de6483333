import { Button, EmptyState, Group, Skeleton, Switch, Table } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { segmentsQueryOptions } from '../api/list-segments';
import { describeSegment } from './segment-summary';
import { SegmentRow } from './segment-row';

const columns = ['Name', 'Kind', 'Who', 'Updated', 'Actions'];

/** The segments list with its archived toggle, loading, empty and error states. */
export function SegmentsTable({ canEdit }: { canEdit: boolean }) {
  const [archived, setArchived] = useState(false);
  const segments = useQuery(segmentsQueryOptions(archived));
  const active = useQuery({ ...segmentsQueryOptions(false), enabled: archived });
  const names = useMemo(
    () => new Map([...(active.data ?? []), ...(segments.data ?? [])].map((segment) => [segment.id, segment.name])),
    [active.data, segments.data],
  );

  const toggle = (
    <Switch label="Show archived segments" checked={archived} onChange={(event) => setArchived(event.currentTarget.checked)} />
  );

  if (segments.isError) {
    return (
      <>
        {toggle}
        <QueryError title="Could not load segments" error={segments.error} onRetry={() => void segments.refetch()} retrying={segments.isFetching} />
      </>
    );
  }
  return (
    <>
      <Group justify="space-between" mb="sm">
        {toggle}
      </Group>
      {segments.isSuccess && segments.data.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup aria-hidden />}
          withIndicatorBackground
          title={archived ? 'No archived segments' : 'No segments yet'}
          description={archived ? 'Archived segments show up here.' : 'A segment is a reusable audience: build one from attributes, a list of ids, or other segments.'}
        >
          {!archived && canEdit && (
            <Button component={Link} to="/segments/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New segment
            </Button>
          )}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover aria-busy={segments.isPending}>
            <Table.Caption>{archived ? 'Archived segments' : 'Segments'}</Table.Caption>
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
              {segments.isPending
                ? [0, 1, 2].map((row) => (
                    <Table.Tr key={row}>
                      {columns.map((column) => (
                        <Table.Td key={column}>
                          <Skeleton height={16} radius="sm" />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))
                : segments.data.map((segment) => (
                    <SegmentRow key={segment.id} segment={segment} summary={describeSegment(segment, names)} canEdit={canEdit} />
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
