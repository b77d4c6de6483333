import { Drawer } from '@mantine/core';
import type { ImpactWarning } from '../../../../shared/contract/usage';
import { warningsText } from '../../../components/usage/usage-query';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { metricQueryOptions } from '../api/get-metric';
import { MetricForm } from './metric-form';

export interface MetricDrawerProps {
  /** 'new', a metric id, or null when closed. */
  editing: string | null;
  onClose: () => void;
}

// No title: Mantine dims a titled notification's message below the contrast axe requires.
const saved = (message: string) => notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, color: 'teal', message });

/** The create / edit form in a side drawer, so the list stays in view behind it. */
export function MetricDrawer({ editing, onClose }: MetricDrawerProps) {
  const id = editing && editing !== 'new' ? editing : null;
  const metric = useQuery({ ...metricQueryOptions(id ?? ''), enabled: id !== null });

  let body;
  if (editing === 'new') {
    body = (
      <MetricForm
        onSaved={(created) => {
          saved(`Metric “${created.name}” created: experiments can now measure it.`);
          onClose();
        }}
      />
    );
  } else if (metric.isError) {
    body = <QueryError title="Could not load the metric" error={metric.error} onRetry={() => void metric.refetch()} retrying={metric.isFetching} />;
  } else if (metric.data) {
    body = (
      <MetricForm
        // A fresh form when their version is loaded after a conflict.
        key={metric.data.version}
        metric={metric.data}
        onStale={() => void metric.refetch()}
        onSaved={(changed) => {
          const warnings = 'warnings' in changed && Array.isArray(changed.warnings) ? (changed.warnings as ImpactWarning[]) : [];
          saved(`Metric “${changed.name}” saved.${warnings.length > 0 ? ` ${warningsText(warnings)}` : ''}`);
          onClose();
        }}
      />
    );
  } else {
    body = <PageLoader label="Loading the metric…" />;
  }

  return (
    <Drawer
      opened={editing !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={editing === 'new' ? 'New metric' : metric.data ? `Edit “${metric.data.name}”` : 'Edit metric'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {editing !== null && body}
    </Drawer>
  );
}
