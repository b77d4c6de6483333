import { Button, Divider, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChangeInput, ChangeRequest } from '../../../../shared/contract/change-requests';
import type { Environment } from '../../../../shared/contract/environments';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { useUpdateChangeRequest } from '../api/change-request-actions';
import { useCreateChangeRequest } from '../api/create-change-request';
import { changeRequestsQueryOptions } from '../api/list-change-requests';

export interface ProposedChange {
  parameter: { id: string; key: string; name: string };
  /** The environment's version of the parameter the person edited. */
  baseVersion: number;
  after: ChangeInput['after'];
}

export interface ProposeChangeDialogProps {
  environment: Environment;
  /** Null closes the dialog. */
  change: ProposedChange | null;
  onProposed: (changeRequest: ChangeRequest) => void;
  onCancel: () => void;
  /** Admins only: save straight into the environment for the stated reason (audited). */
  onSaveDirectly?: (reason: string) => Promise<unknown>;
}

/** In an environment that requires approval, a save becomes a proposal: a new change request or an addition to an open one. */
export function ProposeChangeDialog({ environment, change, onProposed, onCancel, onSaveDirectly }: ProposeChangeDialogProps) {
  return (
    <Modal opened={change !== null} onClose={onCancel} title={environment.requiresApproval ? 'Propose change' : 'Schedule change'} centered size="lg" closeButtonProps={{ 'aria-label': 'Close dialog' }}>
      {change && <ProposeChangeForm environment={environment} change={change} onProposed={onProposed} onCancel={onCancel} onSaveDirectly={onSaveDirectly} />}
    </Modal>
  );
}

function ProposeChangeForm({ environment, change, onProposed, onCancel, onSaveDirectly }: ProposeChangeDialogProps & { change: ProposedChange }) {
  const open = useQuery(changeRequestsQueryOptions(environment.key, 'open'));
  const create = useCreateChangeRequest();
  const update = useUpdateChangeRequest();
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [title, setTitle] = useState(`Change ${change.parameter.key}`);
  const [comment, setComment] = useState('');
  const [existingId, setExistingId] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [direct, setDirect] = useState<{ reason: string; error?: string; saving: boolean } | null>(null);
  const openRequests = open.data ?? [];
  const chosen = openRequests.find((item) => item.id === existingId) ?? openRequests[0];
  const changes = [{ parameterId: change.parameter.id, baseVersion: change.baseVersion, after: change.after }];

  const propose = (event: React.FormEvent) => {
    event.preventDefault();
    if (target === 'existing' && chosen) {
      update.mutate({ id: chosen.id, body: { expectedVersion: chosen.version, changes } }, { onSuccess: onProposed });
      return;
    }
    if (!title.trim()) return setTitleError('Enter a title');
    setTitleError(undefined);
    create.mutate({ environmentId: environment.id, title, changes, ...(comment.trim() && { comment }) }, { onSuccess: onProposed });
  };

  const saveDirectly = async () => {
    if (!direct || !onSaveDirectly) return;
    if (direct.reason.trim().length < 10) return setDirect({ ...direct, error: 'Say why, in at least 10 characters' });
    setDirect({ ...direct, error: undefined, saving: true });
    try {
      await onSaveDirectly(direct.reason.trim());
    } catch (error) {
      setDirect({ ...direct, error: errorMessage(error), saving: false });
    }
  };

  const error = target === 'existing' ? update.error : create.error;
  return (
    <Stack>
      <Text size="sm">
        {environment.requiresApproval
          ? `${environment.name} requires approval: your change to ${change.parameter.key} goes into a change request, and apps get it once someone else approves and it is published.`
          : `Your change to ${change.parameter.key} goes into a change request; on its page, choose when it is published (apps get it then).`}
      </Text>
      <form onSubmit={propose} aria-label="Propose change" noValidate>
        <Stack>
          {openRequests.length > 0 && (
            <Radio.Group label="Where" value={target} onChange={(value) => setTarget(value as 'new' | 'existing')}>
              <Group mt="xs">
                <Radio value="new" label="A new change request" />
                <Radio value="existing" label="Add to an open change request" />
              </Group>
            </Radio.Group>
          )}
          {target === 'existing' && chosen ? (
            <NativeSelect
              label="Change request"
              description="Adding to it starts a new revision: its approvals reset"
              data={openRequests.map((item) => ({ value: item.id, label: item.title }))}
              value={chosen.id}
              onChange={(event) => setExistingId(event.currentTarget.value)}
            />
          ) : (
            <>
              <TextInput label="Title" required maxLength={200} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={titleError} data-autofocus />
              <Textarea label="Comment for reviewers" autosize minRows={2} maxLength={5000} value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
            </>
          )}
          <FormError message={error ? errorMessage(error) : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {target === 'existing' && chosen ? 'Add to change request' : 'Propose change'}
            </Button>
          </Group>
        </Stack>
      </form>
      {onSaveDirectly && (
        <>
          <Divider label="Admins" labelPosition="left" />
          {direct ? (
            <Stack gap="xs">
              <Textarea
                label="Why save without approval?"
                description="Kept in the audit log"
                required
                autosize
                minRows={2}
                maxLength={500}
                value={direct.reason}
                onChange={(event) => setDirect({ ...direct, reason: event.currentTarget.value })}
                error={direct.error}
              />
              <Group justify="flex-end">
                <Button color="red.9" onClick={() => void saveDirectly()} loading={direct.saving}>
                  Save directly to {environment.name}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button variant="outline" color="red.9" onClick={() => setDirect({ reason: '', saving: false })}>
                Save directly
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
