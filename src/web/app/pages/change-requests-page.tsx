import { Button } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { ChangeRequestsList, type StatusFilter } from '../../features/change-requests/components/change-requests-list';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

const statuses: readonly StatusFilter[] = ['open', 'published', 'discarded', 'all'];

/** The current environment's change requests: drafts waiting for review, and what was published or discarded. */
export function ChangeRequestsPage() {
  const { environment, key } = useCurrentEnvironment();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status') as StatusFilter | null;
  const status = requested && statuses.includes(requested) ? requested : 'open';

  const setStatus = (next: StatusFilter) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next === 'open') updated.delete('status');
        else updated.set('status', next);
        return updated;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="Change requests"
        description={
          environment?.requiresApproval
            ? `${environment.name} requires approval: changes to what apps get are reviewed here by someone other than their author.`
            : `Drafts of changes to ${environment?.name ?? 'this environment'}, reviewed and published together, now or at a set time.`
        }
        actions={
          <Button component={Link} to={`/calendar?env=${encodeURIComponent(key)}`} variant="default" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
            Calendar
          </Button>
        }
      />
      {environment ? <ChangeRequestsList environment={environment} status={status} onStatusChange={setStatus} /> : <PageLoader label="Loading environments…" />}
    </>
  );
}
