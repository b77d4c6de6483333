import { Button, Group, Stack } from '@mantine/core';
import { IconArrowsDiff, IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/api/session-context';
import { ParametersBrowser } from '../../features/parameters/components/parameters-browser';
import { RequestedKeysPanel } from '../../features/parameters/components/requested-keys-panel';

export function ParametersPage() {
  const { user } = useSession();
  const canEdit = user.role !== 'viewer';
  return (
    <>
      <PageHeader
        title="Parameters"
        description="Values and feature flags your apps read at run time."
        actions={
          <Group>
            <Button component={Link} to="/parameters/compare" variant="default" leftSection={<IconArrowsDiff size={16} aria-hidden />}>
              Compare environments
            </Button>
            <Button component={Link} to="/parameters/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              Import / export
            </Button>
            {canEdit && (
              <Button component={Link} to="/parameters/new" leftSection={<IconPlus size={16} aria-hidden />}>
                New parameter
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <RequestedKeysPanel canCreate={canEdit} />
        <ParametersBrowser canEdit={canEdit} />
      </Stack>
    </>
  );
}
