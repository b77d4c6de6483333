import { Anchor, Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Parameter } from '../../../../shared/contract/parameters';
import { formatDateTime } from '../../../lib/format';
import { formatRelativeTime } from '../utils/relative-time';
import { ParameterTypeBadge } from './parameter-type-badge';

export interface ParameterRowProps {
  parameter: Parameter;
  selected: boolean;
  onToggle: (id: string) => void;
  selectable: boolean;
  index: number;
  measure: (element: HTMLTableRowElement | null) => void;
}

export const ROW_HEIGHT = 49;

export function ParameterRow({ parameter, selected, onToggle, selectable, index, measure }: ParameterRowProps) {
  return (
    <Table.Tr ref={measure} data-index={index} bg={selected ? 'var(--mantine-primary-color-light)' : undefined} aria-rowindex={index + 2}>
      {selectable && (
        <Table.Td w={44}>
          <Checkbox aria-label={`Select ${parameter.key}`} checked={selected} onChange={() => onToggle(parameter.id)} />
        </Table.Td>
      )}
      <Table.Td>
        <Anchor component={Link} to={`/parameters/${encodeURIComponent(parameter.id)}`} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {parameter.key}
        </Anchor>
        {parameter.archivedAt && (
          <Badge ml="xs" size="xs" variant="default">
            Archived
          </Badge>
        )}
        {parameter.killed && (
          <Badge ml="xs" size="xs" color="red.9" variant="filled">
            Killed
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1}>
          {parameter.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <ParameterTypeBadge spec={parameter.spec} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
          {parameter.tags.slice(0, 3).map((tag) => (
            <Badge key={tag} size="sm" variant="outline" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
          {parameter.tags.length > 3 && (
            <Text size="xs" c="dimmed">
              +{parameter.tags.length - 3}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatDateTime(parameter.updatedAt)}>
          <Text size="sm" component="time" dateTime={parameter.updatedAt}>
            {formatRelativeTime(parameter.updatedAt)}
          </Text>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
