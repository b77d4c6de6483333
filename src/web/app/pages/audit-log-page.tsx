import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/page-header';
import { AuditLog } from '../../features/audit/components/audit-log';
import { useSession } from '../../features/auth/api/session-context';
import { usersQueryOptions } from '../../features/users/api/list-users';

/** /audit-log: admins may filter by person (only they can list people). */
export function AuditLogPage() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const users = useQuery({ ...usersQueryOptions(), enabled: isAdmin });
  const people = isAdmin ? (users.data ?? []).map((person) => ({ id: person.id, name: person.name || person.email })) : undefined;
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when, with the before and after of every change." />
      <AuditLog people={people} />
    </>
  );
}
