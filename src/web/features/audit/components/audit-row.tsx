import { ActionIcon, Badge, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract/audit';
import { formatDateTime } from '../../../lib/format';
import { AuditDiff } from './audit-diff';
import { actionLabel, objectTypeLabels } from './audit-labels';

const COLUMNS = 5;

/** One change; expands to its before/after diff. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.id}`;
  const what = `${actionLabel(entry.action)} ${objectTypeLabels[entry.objectType].toLowerCase()} ${entry.objectLabel}`;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            onClick={() => setOpen((current) => !current)}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} changes: ${what}`}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatDateTime(entry.at)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actorName}</Text>
        </Table.Td>
        <Table.Td>
          <Badge variant="light">{actionLabel(entry.action)}</Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {objectTypeLabels[entry.objectType]}
            </Text>{' '}
            {entry.objectLabel}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={COLUMNS}>
            <AuditDiff before={entry.before} after={entry.after} label={`Changes: ${what}`} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
