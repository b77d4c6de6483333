import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Segment } from '../../../../shared/contract/segments';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useSetSegmentArchived } from '../api/archive-segment';
import { useDuplicateSegment } from '../api/duplicate-segment';
import { definitionKindLabels } from './definition-draft';

export interface SegmentRowProps {
  segment: Segment;
  summary: string;
  canEdit: boolean;
}

export function SegmentRow({ segment, summary, canEdit }: SegmentRowProps) {
  const duplicate = useDuplicateSegment();
  const setArchived = useSetSegmentArchived();
  const [confirming, setConfirming] = useState(false);
  const archived = segment.archivedAt !== null;

  const copy = () =>
    duplicate.mutate(segment.id, {
      onSuccess: (copyOf) => notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'teal', title: 'Segment duplicated', message: `Created “${copyOf.name}”.` }),
      onError: (error) => notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'red', title: 'Could not duplicate', message: errorMessage(error) }),
    });
  const archive = () =>
    setArchived.mutate(
      { id: segment.id, archived: true },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'teal', title: 'Segment archived', message: `“${segment.name}” is archived.` });
        },
      },
    );
  const unarchive = () =>
    setArchived.mutate(
      { id: segment.id, archived: false },
      {
        onSuccess: () => notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'teal', title: 'Segment restored', message: `“${segment.name}” is active again.` }),
        onError: (error) => notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'red', title: 'Could not restore', message: errorMessage(error) }),
      },
    );

  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/segments/${segment.id}`} fw={500} size="sm">
          {segment.name}
        </Anchor>
        {segment.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {segment.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray">
          {definitionKindLabels[segment.definition.kind]}
        </Badge>
      </Table.Td>
      <Table.Td style={{ maxWidth: 360 }}>
        <Text size="sm" lineClamp={2} title={summary}>
          {summary}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(segment.updatedAt)}</Text>
      </Table.Td>
      <Table.Td>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="subtle" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy} loading={duplicate.isPending} aria-label={`Duplicate ${segment.name}`}>
              Duplicate
            </Button>
            {archived ? (
              <Button size="xs" variant="subtle" leftSection={<IconArchiveOff size={14} aria-hidden />} onClick={unarchive} loading={setArchived.isPending} aria-label={`Restore ${segment.name}`}>
                Restore
              </Button>
            ) : (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconArchive size={14} aria-hidden />} onClick={() => setConfirming(true)} aria-label={`Archive ${segment.name}`}>
                Archive
              </Button>
            )}
          </Group>
        )}
        <ConfirmDialog
          opened={confirming}
          title={`Archive “${segment.name}”?`}
          confirmLabel="Archive segment"
          destructive
          loading={setArchived.isPending}
          error={setArchived.error}
          onConfirm={archive}
          onCancel={() => {
            setConfirming(false);
            setArchived.reset();
          }}
        >
          Archived segments can no longer be chosen for rules or experiments. Segments still in use cannot be archived. You can restore it later.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
