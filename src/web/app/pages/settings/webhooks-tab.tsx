import { WebhooksPanel } from '../../../features/webhooks/components/webhooks-panel';

export function WebhooksTab() {
  return <WebhooksPanel />;
}
