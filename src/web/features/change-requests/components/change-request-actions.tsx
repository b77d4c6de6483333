import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconMessageExclamation, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../../../shared/contract/auth';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import type { Environment } from '../../../../shared/contract/environments';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { publishConflicts, useChangeRequestAction } from '../api/change-request-actions';
import { BypassDialog } from './publish-dialog';
import { PublishConflicts } from './publish-conflicts';
import { ScheduleControl } from './schedule-control';

export interface ChangeRequestActionsProps {
  changeRequest: ChangeRequest;
  environment: Environment | undefined;
  user: Pick<User, 'id' | 'role'>;
}

/** Review, publish (now or at a time), rebase and discard an open change request. */
export function ChangeRequestActions({ changeRequest, environment, user }: ChangeRequestActionsProps) {
  const { id, version, revision } = changeRequest;
  const review = useChangeRequestAction(id, 'reviews');
  const publish = useChangeRequestAction(id, 'publish');
  const rebase = useChangeRequestAction(id, 'rebase');
  const discard = useChangeRequestAction(id, 'discard');
  const [bypassing, setBypassing] = useState(false);
  const [discarding, setDiscarding] = useState(false);

  const isAuthor = changeRequest.authorId !== null && changeRequest.authorId === user.id;
  const requiresApproval = environment?.requiresApproval ?? true;
  const conflicts = publishConflicts(publish.error);
  const approvedByMe = changeRequest.reviews.some((r) => r.userId === user.id && r.revision === revision && r.verdict === 'approve');
  const environmentName = environment?.name ?? changeRequest.environmentId;

  const publishReason = changeRequest.approved
    ? undefined
    : requiresApproval
      ? `${environmentName} requires approval: someone other than ${changeRequest.authorName} must approve revision ${revision} first.`
      : 'It cannot be published until the conflicts below are resolved.';

  const doRebase = () => rebase.mutate({ expectedVersion: version }, { onSuccess: () => publish.reset() });

  return (
    <Stack gap="md" component="section" aria-labelledby="actions-heading">
      <Text fw={600} size="lg" id="actions-heading" component="h2" m={0}>
        Review and publish
      </Text>
      <Stack gap={6}>
        <Group gap="sm">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            color="teal.9"
            disabled={isAuthor || approvedByMe}
            aria-describedby={isAuthor ? 'review-disabled-reason' : undefined}
            loading={review.isPending && review.variables?.verdict === 'approve'}
            onClick={() => review.mutate({ expectedVersion: version, verdict: 'approve' })}
          >
            {approvedByMe ? `You approved revision ${revision}` : 'Approve'}
          </Button>
          <Button
            variant="default"
            leftSection={<IconMessageExclamation size={16} aria-hidden />}
            disabled={isAuthor}
            aria-describedby={isAuthor ? 'review-disabled-reason' : undefined}
            loading={review.isPending && review.variables?.verdict === 'requestChanges'}
            onClick={() => review.mutate({ expectedVersion: version, verdict: 'requestChanges' })}
          >
            Request changes
          </Button>
        </Group>
        {isAuthor && (
          <Text size="sm" c="dimmed" id="review-disabled-reason">
            You cannot approve your own change request: someone else reviews it.
          </Text>
        )}
        <FormError message={review.isError ? errorMessage(review.error) : undefined} />
      </Stack>
      <Divider />
      <Stack gap={6}>
        <Group gap="sm">
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            disabled={!changeRequest.approved}
            aria-describedby={publishReason ? 'publish-disabled-reason' : undefined}
            loading={publish.isPending && !bypassing}
            onClick={() => publish.mutate({ expectedVersion: version })}
          >
            {`Publish to ${environmentName}`}
          </Button>
          {user.role === 'admin' && !changeRequest.approved && requiresApproval && (
            <Button variant="outline" color="red.9" onClick={() => setBypassing(true)}>
              Publish without approval
            </Button>
          )}
        </Group>
        {publishReason && (
          <Text size="sm" c="dimmed" id="publish-disabled-reason">
            {publishReason}
          </Text>
        )}
        {conflicts.length > 0 || changeRequest.lastError ? (
          <PublishConflicts conflicts={conflicts} message={conflicts.length === 0 ? (changeRequest.lastError ?? undefined) : undefined} onRebase={doRebase} rebasing={rebase.isPending} canRebase />
        ) : (
          <FormError message={publish.isError && !bypassing ? errorMessage(publish.error) : undefined} />
        )}
        <FormError message={rebase.isError ? errorMessage(rebase.error) : undefined} />
      </Stack>
      <Divider />
      <ScheduleControl changeRequest={changeRequest} />
      <Divider />
      <div>
        <Button variant="outline" color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDiscarding(true)}>
          Discard
        </Button>
      </div>
      <BypassDialog
        opened={bypassing}
        title="Publish without approval?"
        explanation={`Apps using ${environmentName} get these changes at once, without anyone else reviewing them. Your reason is kept in the audit log.`}
        confirmLabel="Publish without approval"
        onConfirm={(bypassReason) => publish.mutate(
            { expectedVersion: version, bypassReason },
            // A conflict is shown on the page with its Rebase button, not in the dialog.
            { onSuccess: () => setBypassing(false), onError: (error) => publishConflicts(error).length > 0 && setBypassing(false) },
          )}
        onCancel={() => {
          setBypassing(false);
          publish.reset();
        }}
        loading={publish.isPending}
        error={bypassing && conflicts.length === 0 ? publish.error : undefined}
      />
      <ConfirmDialog
        opened={discarding}
        title="Discard this change request?"
        confirmLabel="Discard"
        destructive
        onConfirm={() => discard.mutate({ expectedVersion: version }, { onSuccess: () => setDiscarding(false) })}
        onCancel={() => {
          setDiscarding(false);
          discard.reset();
        }}
        loading={discard.isPending}
        error={discard.error}
      >
        Nothing in it is published, and it can no longer be reviewed, scheduled or published. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
