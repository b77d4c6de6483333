import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/api/session-context';
import { SegmentsTable } from '../../features/segments/components/segments-table';

export function SegmentsPage() {
  const { user } = useSession();
  const canEdit = user.role !== 'viewer';
  return (
    <>
      <PageHeader
        title="Segments"
        description="Reusable audiences for targeting rules and experiments."
        actions={
          canEdit && (
            <Button component={Link} to="/segments/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New segment
            </Button>
          )
        }
      />
      <SegmentsTable canEdit={canEdit} />
    </>
  );
}
