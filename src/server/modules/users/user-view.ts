import type { User } from '../../../shared/contract/auth';
import type { UserRecord } from '../../store/types';

/** The public shape of a user: never the password or invite hashes. */
export function toUserView(record: UserRecord): User {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    status: record.disabled ? 'disabled' : record.passwordHash === null ? 'invited' : 'active',
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
  };
}
