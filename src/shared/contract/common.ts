import { z } from 'zod';
import './zod-config';

/** One field-level problem inside a problem+json error. `path` is dot-separated ("variants.1.weight"). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, as every /api error is returned (Content-Type application/problem+json). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const idSchema = z.string().min(1).max(64);
export const idParamsSchema = z.strictObject({ id: idSchema });
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

/** Passwords: long enough to resist guessing, short enough to keep hashing cheap. */
export const passwordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use at most 200 characters');

export const displayNameSchema = z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters');

export const okSchema = z.object({ ok: z.literal(true) });
