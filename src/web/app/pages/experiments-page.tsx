import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/api/session-context';
import { ExperimentsList } from '../../features/experiments/components/experiments-list';
import { segmentsQueryOptions } from '../../features/segments/api/list-segments';

export function ExperimentsPage() {
  const { user } = useSession();
  const canEdit = user.role !== 'viewer';
  const segments = useQuery(segmentsQueryOptions());
  return (
    <>
      <PageHeader
        title="Experiments"
        description="Show variants of your parameters to parts of your audience, measure which does better, and promote the winner."
        actions={
          canEdit && (
            <Button component={Link} to="/experiments/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New experiment
            </Button>
          )
        }
      />
      <ExperimentsList canEdit={canEdit} segments={segments.data ?? []} />
    </>
  );
}
