import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import { formatDateTime } from '../../../lib/format';

/** Who approved or asked for changes, and on which revision: only reviews of the current one count. */
export function ReviewsPanel({ changeRequest }: { changeRequest: ChangeRequest }) {
  const { reviews, revision } = changeRequest;
  return (
    <Stack gap="xs" component="section" aria-labelledby="reviews-heading">
      <Title order={2} size="h4" id="reviews-heading">
        Reviews
      </Title>
      <Text size="sm" c="dimmed">
        {`This is revision ${revision}. Approvals reset when the draft changed: only reviews of revision ${revision} count.`}
      </Text>
      {reviews.length === 0 ? (
        <Text size="sm">No reviews yet.</Text>
      ) : (
        <List spacing="xs" size="sm" listStyleType="none" styles={{ root: { paddingInlineStart: 0 } }}>
          {reviews.map((review) => {
            const current = review.revision === revision;
            return (
              <List.Item key={`${review.userId}-${review.revision}-${review.at}`}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={review.verdict === 'approve' ? 'teal.9' : 'red.9'} variant={current ? 'filled' : 'outline'}>
                    {review.verdict === 'approve' ? 'Approved' : 'Changes requested'}
                  </Badge>
                  <Text size="sm" span>{`${review.userName} on revision ${review.revision}, ${formatDateTime(review.at)}`}</Text>
                  {!current && (
                    <Text size="sm" c="dimmed" span>
                      (an earlier revision: no longer counts)
                    </Text>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
