import { conflict, forbidden } from '../../lib/errors';
import type { Services } from '../../services';
import type { Store } from '../../store/types';
import type { AuditObjectType } from '../../../shared/contract/audit';
import { recordAudit, type Actor } from '../audit/audit-service';

/** How a direct change relates to approval: who asks (admins may bypass) and the reason they gave. */
export interface WriteApproval {
  isAdmin: boolean;
  bypassReason?: string;
}
export const NO_BYPASS: WriteApproval = { isAdmin: false };

/**
 * In an environment that requires approval, what apps receive changes only through a change
 * request: a direct change is refused with a problem naming the rule. An admin may act directly
 * with a stated reason, which the audit log keeps. `what` says what was attempted, in words.
 */
export async function requireApprovalOrBypass(
  store: Store,
  services: Services,
  actor: Actor,
  environmentId: string,
  what: string,
  approval: WriteApproval,
  object: { type: AuditObjectType; id: string; label: string },
): Promise<void> {
  const environment = await store.environments.getById(environmentId);
  if (!environment?.requiresApproval) return;
  if (approval.bypassReason) {
    if (!approval.isAdmin) throw forbidden('Only admins may act without approval');
    await recordAudit(store, services.clock.now(), {
      actor,
      action: `${object.type}.approvalBypassed`,
      objectType: object.type,
      objectId: object.id,
      objectLabel: `${object.label} (${environment.name})`,
      before: null,
      after: { reason: approval.bypassReason, environment: environment.key, what },
    });
    return;
  }
  throw conflict(`${environment.name} requires approval: propose ${what} in a change request (POST /api/change-requests); admins may act directly with a bypassReason`, undefined, {
    rule: 'requiresApproval',
    environment: environment.key,
  });
}
