import type { WebhookDeliveryEventType } from '../../../../shared/contract/webhooks';

/** Each event in plain words, for the checkboxes and the delivery log. */
export const webhookEventLabels: Record<WebhookDeliveryEventType, string> = {
  'rollout.advanced': 'Rollout advanced a step',
  'rollout.rolled_back': 'Rollout rolled back',
  'rollout.finished': 'Rollout finished',
  'experiment.started': 'Experiment started',
  'experiment.winner_found': 'Experiment found a winner',
  'experiment.completed': 'Experiment completed',
  'change.published': 'Change published',
  'webhook.test': 'Test delivery',
};
