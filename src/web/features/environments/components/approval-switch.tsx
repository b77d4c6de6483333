import { Stack, Switch, Text } from '@mantine/core';
import type { Environment } from '../../../../shared/contract/environments';
import { errorMessage } from '../../../lib/api-error';
import { useUpdateEnvironment } from '../api/update-environments';

/** Whether changes to what apps get in this environment need someone else's approval (change requests). */
export function ApprovalSwitch({ environment }: { environment: Environment }) {
  const update = useUpdateEnvironment();
  const production = environment.key === 'production';
  return (
    <Stack gap={4}>
      <Switch
        label="Require approval"
        aria-label={`Require approval in ${environment.name}`}
        description={production ? 'Recommended for Production' : 'Changes go through reviewed change requests'}
        checked={environment.requiresApproval}
        disabled={environment.archivedAt !== null || update.isPending}
        onChange={(event) => update.mutate({ id: environment.id, body: { expectedVersion: environment.version, requiresApproval: event.currentTarget.checked } })}
      />
      {update.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(update.error)}
        </Text>
      )}
    </Stack>
  );
}
