import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconGitPullRequest } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CreateChangeRequestBody } from '../../../../../shared/contract/change-requests';
import { changeRequestsApi } from '../../../../../shared/contract/endpoints/change-requests';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { callEndpoint } from '../../../../lib/call-endpoint';
import { errorMessage, isApiError } from '../../../../lib/api-error';

/** The server refused because the experiment's environment requires approval (its problem names the rule). */
export function needsApproval(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && (error.body as { rule?: unknown } | undefined)?.rule === 'requiresApproval';
}

type ExperimentChange = CreateChangeRequestBody['experiments'] extends (infer C)[] | undefined ? Omit<C, 'experimentId' | 'baseVersion'> : never;

const copy = {
  start: { text: 'Starting an experiment here goes through a change request that someone else approves; it starts when the request is published.', button: 'Propose starting it', title: 'Start' },
  promote: { text: 'Promoting a winner here goes through a change request that someone else approves; the values change when the request is published.', button: 'Propose this promotion', title: 'Promote the winner of' },
} as const;

/**
 * In an environment that requires approval, a start or a promotion is proposed as a change
 * request that someone else approves: offered in place of the refused action; opens the request.
 * Without `change`, the action cannot be proposed (a resume): say who can act.
 */
export function ProposeExperimentChange({ experiment, change }: { experiment: Experiment; change: ExperimentChange | null }) {
  const navigate = useNavigate();
  const propose = useMutation({
    mutationFn: (body: CreateChangeRequestBody, { client }) => callEndpoint(client, changeRequestsApi.create, { body }),
    onSuccess: (created) => navigate(`/changes/${encodeURIComponent(created.id)}`),
  });
  const words = change ? copy[change.action] : null;
  return (
    <Alert color="yellow" variant="light" icon={<IconGitPullRequest aria-hidden />} title="This environment requires approval" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{words?.text ?? 'Here only an admin can do this without a change request (giving a reason).'}</Text>
        {change && words && (
          <Button
            size="xs"
            leftSection={<IconGitPullRequest size={14} aria-hidden />}
            loading={propose.isPending}
            onClick={() =>
              propose.mutate({
                environmentId: experiment.environmentId,
                title: `${words.title} “${experiment.name}”`,
                experiments: [{ ...change, experimentId: experiment.id, baseVersion: experiment.version }],
              })
            }
          >
            {words.button}
          </Button>
        )}
        {propose.isError && <Text size="sm" c="red.8">{errorMessage(propose.error)}</Text>}
      </Stack>
    </Alert>
  );
}
