import { Badge, Code, Group, Text } from '@mantine/core';
import type { Parameter } from '../../../../shared/contract/parameters';
import { formatDateTime } from '../../../lib/format';
import { formatRelativeTime } from '../utils/relative-time';
import { CopyValueButton } from './copy-button';
import { ParameterTypeBadge } from './parameter-type-badge';

export interface ParameterSummaryProps {
  parameter: Parameter;
  /** Who saved the current version, when known. */
  updatedByName?: string;
}

/** Key (with copy), type, version, and who changed it last and when. */
export function ParameterSummary({ parameter, updatedByName }: ParameterSummaryProps) {
  return (
    <Group gap="md" wrap="wrap" mb="lg">
      <Group gap={4}>
        <Code fz="sm">
          {parameter.key}
        </Code>
        <CopyValueButton value={parameter.key} label="Copy key" />
      </Group>
      <ParameterTypeBadge spec={parameter.spec} />
      <Badge variant="default" tt="none">
        Version {parameter.version}
      </Badge>
      {parameter.archivedAt && (
        <Badge color="gray.7" tt="none">
          Archived
        </Badge>
      )}
      {parameter.killed && (
        <Badge color="red.9" tt="none">
          Killed: apps get false
        </Badge>
      )}
      <Text size="sm" c="dimmed">
        Updated{updatedByName ? ` by ${updatedByName}` : ''}{' '}
        <time dateTime={parameter.updatedAt} title={formatDateTime(parameter.updatedAt)}>
          {formatRelativeTime(parameter.updatedAt)}
        </time>{' '}
        ({formatDateTime(parameter.updatedAt)})
      </Text>
    </Group>
  );
}
