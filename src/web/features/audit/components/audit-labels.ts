import type { AuditObjectType } from '../../../../shared/contract/audit';

export const objectTypeLabels: Record<AuditObjectType, string> = {
  user: 'User',
  apiToken: 'API token',
  sdkKey: 'SDK key',
  parameter: 'Parameter',
  segment: 'Segment',
  experiment: 'Experiment',
  metric: 'Metric',
  environment: 'Environment',
  changeRequest: 'Change request',
  webhook: 'Webhook',
  rollout: 'Rollout',
};

/** "segment.created" or "created" -> "Created". */
export function actionLabel(action: string): string {
  const last = action.split('.').pop() ?? action;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
