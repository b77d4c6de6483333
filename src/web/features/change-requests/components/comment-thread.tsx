import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useChangeRequestAction } from '../api/change-request-actions';

/** The discussion under a change request; anyone signed in may comment, viewers too. */
export function CommentThread({ changeRequest }: { changeRequest: ChangeRequest }) {
  const [body, setBody] = useState('');
  const comment = useChangeRequestAction(changeRequest.id, 'comments');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    comment.mutate({ body }, { onSuccess: () => setBody('') });
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="comments-heading">
      <Title order={2} size="h4" id="comments-heading">
        Comments
      </Title>
      {changeRequest.comments.length === 0 && <Text size="sm">No comments yet.</Text>}
      {changeRequest.comments.map((item) => (
        <Paper key={item.id} withBorder p="sm" radius="md" component="article" aria-label={`Comment by ${item.userName}`}>
          <Text size="xs" c="dimmed">{`${item.userName}, ${formatDateTime(item.at)}`}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.body}
          </Text>
        </Paper>
      ))}
      <form onSubmit={submit} aria-label="Add a comment">
        <Stack gap="xs">
          <Textarea label="Comment" autosize minRows={2} maxLength={5000} value={body} onChange={(event) => setBody(event.currentTarget.value)} />
          <FormError message={comment.isError ? errorMessage(comment.error) : undefined} />
          <div>
            <Button type="submit" variant="default" loading={comment.isPending} disabled={!body.trim()}>
              Add comment
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
