import { z } from 'zod';
import { displayNameSchema, emailSchema, isoDateTimeSchema, passwordSchema } from './common';

export const roles = ['admin', 'editor', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** What each role may do, from least to most. Editors build and launch; viewers read. */
export const roleRank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
export function roleAllows(role: Role, needed: Role): boolean {
  return roleRank[role] >= roleRank[needed];
}

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'invited', 'disabled']),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const setupBodySchema = z.strictObject({
  email: emailSchema,
  name: displayNameSchema,
  password: passwordSchema,
});
export type SetupBody = z.infer<typeof setupBodySchema>;

export const acceptInviteBodySchema = z.strictObject({
  token: z.string().min(16).max(200),
  name: displayNameSchema,
  password: passwordSchema,
});
export type AcceptInviteBody = z.infer<typeof acceptInviteBodySchema>;

/** The signed-in caller. `csrfToken` must be sent back as `X-CSRF-Token` on every cookie-authenticated write. */
export const sessionInfoSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** Whether the workspace still needs its first admin (the dashboard then opens on the setup page). */
export const setupStatusSchema = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sb_session';
