import { EnvironmentsPanel } from '../../../features/environments/components/environments-panel';

export function EnvironmentsTab() {
  return <EnvironmentsPanel />;
}
