import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import type { PublishConflict } from '../api/change-request-actions';

export interface PublishConflictsProps {
  conflicts: PublishConflict[];
  /** Why a scheduled publish failed, when that is what is shown. */
  message?: string;
  onRebase: () => void;
  rebasing: boolean;
  canRebase: boolean;
}

/** Someone changed a parameter since the draft: rebase takes their version as the new "now", then review again. */
export function PublishConflicts({ conflicts, message, onRebase, rebasing, canRebase }: PublishConflictsProps) {
  return (
    <Alert color="orange" variant="light" role="alert" title="Parameters changed since this draft" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="xs">
        {message && <Text size="sm">{message}</Text>}
        {conflicts.length > 0 && (
          <List size="sm">
            {conflicts.map((conflict) => (
              <List.Item key={conflict.parameterId}>{`${conflict.parameterKey}: the draft is based on version ${conflict.baseVersion}, it is now at version ${conflict.currentVersion}`}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">Rebase to compare against what apps get now; it starts a new revision, which needs approving again.</Text>
        {canRebase && (
          <div>
            <Button leftSection={<IconGitMerge size={16} aria-hidden />} onClick={onRebase} loading={rebasing}>
              Rebase
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
