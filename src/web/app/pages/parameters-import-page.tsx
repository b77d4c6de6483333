import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/api/session-context';
import { ImportExportPanel } from '../../features/parameters/components/import-export-panel';

export function ParametersImportPage() {
  const { user } = useSession();
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/parameters" size="sm">
          Parameters
        </Anchor>
        <Text size="sm">Import / export</Text>
      </Breadcrumbs>
      <PageHeader title="Import / export" description="Keep parameters in code: export a manifest, or import one from your app’s build." />
      <ImportExportPanel canImport={user.role !== 'viewer'} />
    </>
  );
}
