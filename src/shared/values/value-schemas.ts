import { z } from 'zod';

// The shapes of the structured value kinds. Constraints from a TypeSpec are checked in validate.ts.

export const HEX_COLOR = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export const colorValueSchema = z.string().regex(HEX_COLOR, 'Not a valid hex colour: use #RRGGBB or #RRGGBBAA');

const url = z
  .string()
  .max(2000)
  .refine((text) => /^https?:\/\//i.test(text) && URL.canParse(text), 'Enter a full http(s) URL');

const dimension = z.number().int('Must be a whole number of pixels').min(1).max(20_000);

export const imageValueSchema = z.strictObject({
  url,
  alt: z.string().max(500),
  width: dimension.optional(),
  height: dimension.optional(),
});

export const videoValueSchema = z.strictObject({
  url,
  poster: url.optional(),
  autoplay: z.boolean(),
  loop: z.boolean(),
});

export const fontWeights = [100, 200, 300, 400, 500, 600, 700, 800, 900] as const;

export const textStyleValueSchema = z.strictObject({
  fontSize: z.number().min(4, 'At least 4').max(400, 'At most 400'),
  fontWeight: z.union(fontWeights.map((weight) => z.literal(weight)), { message: 'Use a weight from 100 to 900 in steps of 100' }),
  color: colorValueSchema,
  backgroundColor: colorValueSchema.optional(),
});

export const recommendationsValueSchema = z.strictObject({
  items: z.array(z.string().trim().min(1, 'Item ids cannot be empty').max(200)).max(1000),
  strategy: z.string().max(100).optional(),
});

export type ImageValue = z.infer<typeof imageValueSchema>;
export type VideoValue = z.infer<typeof videoValueSchema>;
export type TextStyleValue = z.infer<typeof textStyleValueSchema>;
export type RecommendationsValue = z.infer<typeof recommendationsValueSchema>;
