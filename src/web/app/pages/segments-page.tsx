import { ComingSoon } from '../../components/coming-soon';

export function SegmentsPage() {
  return <ComingSoon title="Segments" message="Segments are not available yet. This page arrives with the segments release." />;
}
