import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { useSession } from '../../features/auth/api/session-context';
import { CompareView } from '../../features/environments/components/compare-view';
import { PRODUCTION_KEY } from '../../lib/environments';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

/** /parameters/compare?from=staging&to=production[&parameter=key]: what differs, and copying it across. */
export function CompareEnvironmentsPage() {
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const current = useCurrentEnvironment();
  const fallbackTo = current.key === PRODUCTION_KEY ? (current.environments.find((e) => e.key !== PRODUCTION_KEY)?.key ?? '') : PRODUCTION_KEY;
  const from = params.get('from') ?? current.key;
  const to = params.get('to') ?? fallbackTo;
  const parameterKey = params.get('parameter') ?? undefined;

  const change = (next: { from: string; to: string }) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        updated.set('from', next.from);
        updated.set('to', next.to);
        return updated;
      },
      { replace: true },
    );

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/parameters" size="sm">
          Parameters
        </Anchor>
        <Text size="sm">Compare environments</Text>
      </Breadcrumbs>
      <PageHeader
        title="Compare environments"
        description={
          parameterKey
            ? `Where ${parameterKey} differs between two environments; tick what to copy.`
            : 'Parameters whose default value, kill switch or rules differ between two environments; tick what to copy.'
        }
      />
      {current.environments.length === 0 ? (
        <PageLoader label="Loading environments…" />
      ) : (
        <CompareView environments={current.environments} from={from} to={to} parameterKey={parameterKey} canCopy={user.role !== 'viewer'} onChange={change} />
      )}
    </>
  );
}
