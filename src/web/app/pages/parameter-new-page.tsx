import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/api/session-context';
import { NewParameterForm } from '../../features/parameters/components/new-parameter-form';

export function ParameterNewPage() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  if (user.role === 'viewer') return <Navigate to="/parameters" replace />;
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/parameters" size="sm">
          Parameters
        </Anchor>
        <Text size="sm">New</Text>
      </Breadcrumbs>
      <PageHeader title="New parameter" description="A value your apps read by its key, with a type that keeps it valid." />
      <NewParameterForm initialKey={params.get('key') ?? ''} onCreated={(created) => void navigate(`/parameters/${encodeURIComponent(created.id)}`)} />
    </>
  );
}
