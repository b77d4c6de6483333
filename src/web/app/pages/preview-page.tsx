import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { knownUserQueryOptions } from '../../features/preview/api/get-known-user';
import { PreviewPanel } from '../../features/preview/components/preview-panel';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

/** /preview?user=<targetingKey>: what one user gets for every parameter, and why. */
export function PreviewPage() {
  const [params] = useSearchParams();
  const key = params.get('user') ?? '';
  const environment = useCurrentEnvironment().key;
  const user = useQuery(knownUserQueryOptions(environment, key));

  return (
    <>
      <PageHeader title="Preview as user" description="See every parameter's value for one user, with the rule that decided it." />
      {key && user.isPending ? (
        <PageLoader label="Loading the user…" />
      ) : (
        <>
          {key && user.isError && <QueryError title={`Could not load user ${key}`} error={user.error} />}
          <PreviewPanel key={key} initialUser={user.data} />
        </>
      )}
    </>
  );
}
