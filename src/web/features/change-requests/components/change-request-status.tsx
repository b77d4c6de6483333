import { Badge } from '@mantine/core';
import type { ChangeRequest } from '../../../../shared/contract/change-requests';

/** Open (with where it stands), published or discarded, as a badge. */
export function ChangeRequestStatusBadge({ changeRequest }: { changeRequest: ChangeRequest }) {
  if (changeRequest.status === 'published') return <Badge color="teal.9">Published</Badge>;
  if (changeRequest.status === 'discarded') return <Badge color="gray.9">Discarded</Badge>;
  if (changeRequest.lastError) return <Badge color="red.9">Publish failed</Badge>;
  if (changeRequest.publishAt) return <Badge color="blue.9">Scheduled</Badge>;
  if (changeRequest.approved) return <Badge color="teal.9" variant="outline">Ready to publish</Badge>;
  return <Badge color="indigo.9" variant="outline">Awaiting review</Badge>;
}
