import { ComingSoon } from '../../components/coming-soon';

export function AuditLogPage() {
  return <ComingSoon title="Audit log" message="The audit log is not available yet. This page arrives with the audit log release." />;
}
