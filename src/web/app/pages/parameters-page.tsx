import { ComingSoon } from '../../components/coming-soon';

export function ParametersPage() {
  return <ComingSoon title="Parameters" message="Parameters are not available yet. This page arrives with the parameters release." />;
}
