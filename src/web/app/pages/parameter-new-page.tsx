import { Anchor, Text } from '@mantine/core';
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
      <Text size="sm" mb="xs">
        <Anchor component={Link} to="/parameters">
          Parameters
        </Anchor>{' '}
        / New
      </Text>
      <PageHeader title="New parameter" description="A value your apps read by its key, with a type that keeps it valid." />
      <NewParameterForm initialKey={params.get('key') ?? ''} onCreated={(created) => void navigate(`/parameters/${encodeURIComponent(created.id)}`)} />
    </>
  );
}
