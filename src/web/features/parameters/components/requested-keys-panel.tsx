import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { requestedKeysQueryOptions } from '../api/list-requested-keys';
import { formatRelativeTime } from '../utils/relative-time';

export interface RequestedKeysPanelProps {
  canCreate: boolean;
}

/** Keys apps already ask for that have no parameter yet: one click starts creating it. */
export function RequestedKeysPanel({ canCreate }: RequestedKeysPanelProps) {
  const requested = useQuery(requestedKeysQueryOptions());
  const headingId = useId();

  if (requested.isPending || (requested.isSuccess && requested.data.length === 0)) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            Requested by apps
          </Title>
          <Text size="sm" c="dimmed">
            Apps asked for these keys, but no parameter has them yet, so the apps fall back to their built-in defaults.
          </Text>
        </div>
        {requested.isError ? (
          <QueryError title="Could not load requested keys" error={requested.error} onRetry={() => void requested.refetch()} retrying={requested.isFetching} />
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 240, overflow: 'auto' }}>
            {requested.data.map((item) => (
              <Group key={item.key} component="li" justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Text ff="monospace" size="sm">
                    {item.key}
                  </Text>
                  <Badge size="sm" variant="light" color="gray">
                    {item.count.toLocaleString()} request{item.count === 1 ? '' : 's'}
                  </Badge>
                  <Text size="xs" c="dimmed" title={formatDateTime(item.lastSeenAt)}>
                    last {formatRelativeTime(item.lastSeenAt)}
                  </Text>
                </Group>
                {canCreate && (
                  <Button
                    size="xs"
                    variant="light"
                    component={Link}
                    to={`/parameters/new?key=${encodeURIComponent(item.key)}`}
                    leftSection={<IconPlus size={14} aria-hidden />}
                    aria-label={`Create ${item.key}`}
                  >
                    Create
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
