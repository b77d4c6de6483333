import { ComingSoon } from '../../components/coming-soon';

export function MetricsPage() {
  return <ComingSoon title="Metrics" message="Metrics are not available yet. This page arrives with the metrics release." />;
}
