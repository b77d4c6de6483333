import type { Role } from '../../shared/contract/auth';

// Type-only import: the shell shows role names without loading zod (the contract's runtime) on first load.

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Everything, including people and API tokens.',
  editor: 'Builds and launches parameters, segments and experiments.',
  viewer: 'Reads everything, changes nothing.',
};

/** Most to least powerful, for selects. */
export const roleOrder: readonly Role[] = ['admin', 'editor', 'viewer'];

export const roleOptions = roleOrder.map((role) => ({ value: role, label: roleLabels[role] }));

export const roleColors: Record<Role, string> = { admin: 'grape', editor: 'blue', viewer: 'gray' };

export function isRole(value: string): value is Role {
  return (roleOrder as readonly string[]).includes(value);
}
