import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { CalendarView } from '../../features/change-requests/components/calendar-view';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

/** What is planned in the current environment, day by day. */
export function CalendarPage() {
  const { environment } = useCurrentEnvironment();
  return (
    <>
      <PageHeader title="Calendar" description={`Scheduled publishes and experiment starts and ends in ${environment?.name ?? 'this environment'}.`} />
      {environment ? <CalendarView environment={environment} /> : <PageLoader label="Loading environments…" />}
    </>
  );
}
