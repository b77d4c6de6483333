import { ComingSoon } from '../../components/coming-soon';

export function ExperimentsPage() {
  return <ComingSoon title="Experiments" message="Experiments are not available yet. This page arrives with the experiments release." />;
}
