import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Parameter, ParameterVersion } from '../../../../shared/contract/parameters';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { QueryError } from '../../../components/query-error';
import { templateKindOf } from '../../../components/value-preview/template-kind';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import { formatDateTime } from '../../../lib/format';
import { parameterVersionsQueryOptions } from '../api/list-versions';
import { useRestoreParameter } from '../api/restore-parameter';
import { isParameterConflict } from '../api/update-parameter';
import { formatRelativeTime } from '../utils/relative-time';
import { ChangeTable } from './change-table';
import { notify } from '../utils/notify';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface VersionHistoryProps {
  parameter: Parameter;
  canEdit: boolean;
}

const actionLabels: Record<ParameterVersion['action'], string> = {
  created: 'Created',
  updated: 'Updated',
  restored: 'Restored',
  archived: 'Archived',
  unarchived: 'Unarchived',
};
const actionColors: Record<ParameterVersion['action'], string> = { created: 'teal', updated: 'blue', restored: 'grape', archived: 'gray', unarchived: 'gray' };

const drawnKinds = new Set(['color', 'image', 'video', 'textStyle']);

/**
 * When a version changed a default value that apps draw (a screen template, colour, text style or
 * media), the old and new value side by side as the app shows them; the table below names the fields.
 */
function DefaultValueChange({ version, previous }: { version: ParameterVersion; previous: ParameterVersion | undefined }) {
  const spec = version.snapshot.spec;
  const drawn = drawnKinds.has(spec.type) || templateKindOf(spec) !== undefined;
  if (!drawn || !previous || !version.changes.some((change) => change.path === 'defaultValue' || change.path.startsWith('defaultValue.'))) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {(
        [
          [`Default value in version ${previous.version}`, previous.snapshot],
          [`Default value in version ${version.version}`, version.snapshot],
        ] as const
      ).map(([label, snapshot]) => (
        <Stack key={label} gap={4} component="section" aria-label={label}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <ValuePreview spec={snapshot.spec} value={snapshot.defaultValue} />
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Every version, newest first, with what changed; any older one can be restored as a new version. */
export function VersionHistory({ parameter, canEdit }: VersionHistoryProps) {
  const environment = useCurrentEnvironment().key;
  const versions = useQuery({ ...parameterVersionsQueryOptions(environment, parameter.id), staleTime: 0 });
  const restore = useRestoreParameter(environment);
  const [restoring, setRestoring] = useState<ParameterVersion | null>(null);

  if (versions.isError) {
    return <QueryError title="Could not load the history" error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />;
  }
  if (versions.isPending) {
    return (
      <Stack aria-busy="true" aria-label="Loading history">
        {[0, 1].map((row) => (
          <Skeleton key={row} height={80} radius="md" />
        ))}
      </Stack>
    );
  }

  const confirmRestore = () => {
    if (!restoring) return;
    restore.mutate(
      { id: parameter.id, version: restoring.version, expectedVersion: parameter.version },
      {
        onSuccess: (saved) => {
          notify(`Version ${restoring.version} restored as version ${saved.version}`, 'teal');
          setRestoring(null);
          void versions.refetch();
        },
      },
    );
  };

  return (
    <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Versions, newest first">
      {versions.data.map((version, index) => (
        <Paper key={version.version} withBorder p="md" component="li">
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Group gap="sm">
                <Title order={3} size="h5">
                  Version {version.version}
                </Title>
                <Badge color={actionColors[version.action]} variant="dot" tt="none">
                  {actionLabels[version.action]}
                  {version.restoredFrom !== null ? ` from version ${version.restoredFrom}` : ''}
                </Badge>
                {version.version === parameter.version && (
                  <Badge variant="default" tt="none">
                    Current
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                by {version.authorName},{' '}
                <time dateTime={version.createdAt}>
                  {formatRelativeTime(version.createdAt)} ({formatDateTime(version.createdAt)})
                </time>
              </Text>
            </Group>
            {version.action !== 'created' && <DefaultValueChange version={version} previous={versions.data[index + 1]} />}
            {version.action !== 'created' && <ChangeTable changes={version.changes} caption={`Changes in version ${version.version}`} />}
            {canEdit && version.version !== parameter.version && (
              <Group>
                <Button size="xs" variant="default" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => setRestoring(version)} aria-label={`Restore version ${version.version}`}>
                  Restore this version
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      <ConfirmDialog
        opened={restoring !== null}
        title={`Restore version ${restoring?.version ?? ''}?`}
        confirmLabel="Restore"
        onConfirm={confirmRestore}
        onCancel={() => {
          setRestoring(null);
          restore.reset();
        }}
        loading={restore.isPending}
        error={isParameterConflict(restore.error) ? new Error('Someone else changed this parameter meanwhile. Close this dialog and try again.') : restore.error}
      >
        Apps get the value, type and rules of version {restoring?.version} again. It is saved as a new version ({parameter.version + 1}), so nothing is lost.
      </ConfirmDialog>
    </Stack>
  );
}
