import { z } from 'zod';
import { displayNameSchema, emailSchema } from './common';
import { roleSchema, userSchema } from './auth';

export const userListSchema = z.object({ items: z.array(userSchema) });

/** An admin invites a person by email; the answer carries a one-time invite link to pass on. */
export const inviteUserBodySchema = z.strictObject({
  email: emailSchema,
  name: displayNameSchema.optional(),
  role: roleSchema,
});
export type InviteUserBody = z.infer<typeof inviteUserBodySchema>;

export const invitedUserSchema = z.object({
  user: userSchema,
  inviteToken: z.string(),
  invitePath: z.string(),
});
export type InvitedUser = z.infer<typeof invitedUserSchema>;

export const updateUserBodySchema = z
  .strictObject({
    role: roleSchema.optional(),
    name: displayNameSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
