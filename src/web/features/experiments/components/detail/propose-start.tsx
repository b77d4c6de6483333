import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconGitPullRequest } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { ChangeRequest, CreateChangeRequestBody } from '../../../../../shared/contract/change-requests';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { apiRequest } from '../../../../lib/api-client';
import { errorMessage, isApiError } from '../../../../lib/api-error';

/** The server refused because the experiment's environment requires approval (its problem names the rule). */
export function needsApproval(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && (error.body as { rule?: unknown } | undefined)?.rule === 'requiresApproval';
}

/**
 * In an environment that requires approval, a start is proposed as a change request that someone
 * else approves; this offers that in place of the refused start and opens the request.
 */
export function ProposeStart({ experiment, action }: { experiment: Experiment; action: 'start' | 'other' }) {
  const navigate = useNavigate();
  const propose = useMutation({
    mutationFn: (body: CreateChangeRequestBody, { client }) => apiRequest<ChangeRequest>(client, '/api/change-requests', { method: 'POST', body }),
    onSuccess: (created) => navigate(`/changes/${encodeURIComponent(created.id)}`),
  });
  const body: CreateChangeRequestBody = {
    environmentId: experiment.environmentId,
    title: `Start “${experiment.name}”`,
    experiments: [{ experimentId: experiment.id, action: 'start', baseVersion: experiment.version }],
  };
  return (
    <Alert color="yellow" variant="light" icon={<IconGitPullRequest aria-hidden />} title="This environment requires approval" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {action === 'start'
            ? 'Starting an experiment here goes through a change request that someone else approves; it starts when the request is published.'
            : 'Only an admin can do this here without a change request; starting goes through one.'}
        </Text>
        {action === 'start' && (
          <Button size="xs" leftSection={<IconGitPullRequest size={14} aria-hidden />} loading={propose.isPending} onClick={() => propose.mutate(body)}>
            Propose starting it
          </Button>
        )}
        {propose.isError && <Text size="sm" c="red.8">{errorMessage(propose.error)}</Text>}
      </Stack>
    </Alert>
  );
}
