import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/api/session-context';
import { MetricDrawer } from '../../features/metrics/components/metric-drawer';
import { MetricsBrowser } from '../../features/metrics/components/metrics-browser';

/** The metric catalog. `?metric=new` or `?metric=<id>` opens the form in a drawer (so links to it work). */
export function MetricsPage() {
  const { user } = useSession();
  const canEdit = user.role !== 'viewer';
  const [params, setParams] = useSearchParams();
  const editing = canEdit ? params.get('metric') : null;
  const hrefFor = (id: string) => `?metric=${encodeURIComponent(id)}`;
  const close = () =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete('metric');
      return next;
    });

  return (
    <>
      <PageHeader
        title="Metrics"
        description="What experiments measure, built from the events your apps send."
        actions={
          canEdit && (
            <Button component={Link} to={hrefFor('new')} leftSection={<IconPlus size={16} aria-hidden />}>
              New metric
            </Button>
          )
        }
      />
      <MetricsBrowser canEdit={canEdit} hrefFor={hrefFor} />
      <MetricDrawer editing={editing} onClose={close} />
    </>
  );
}
