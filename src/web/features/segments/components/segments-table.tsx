import { Button, EmptyState, Group, Switch, Table } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { segmentsQueryOptions } from '../api/list-segments';
import { describeSegment } from './segment-summary';
import { SegmentRow } from './segment-row';
import { SkeletonRows, TableHead } from '../../../components/table-parts';

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
            <TableHead columns={columns} />
            <Table.Tbody>
              {segments.isPending
                ? <SkeletonRows columns={columns} />
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
