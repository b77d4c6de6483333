import { z } from 'zod';

// A parameter's type and its constraints, as one document. Containers (array, map) hold one
// element type, which is itself any non-container type: deep nesting is what json is for.

const finite = z.number().refine(Number.isFinite, 'Must be a finite number');

export const stringSpecSchema = z.strictObject({
  type: z.literal('string'),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  pattern: z
    .string()
    .max(500)
    .refine((pattern) => compiles(pattern), 'Not a valid regular expression')
    .optional(),
  allowedValues: z.array(z.string().max(1000)).min(1).max(500).optional(),
});

export const integerSpecSchema = z.strictObject({
  type: z.literal('integer'),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
});

export const numberSpecSchema = z.strictObject({
  type: z.literal('number'),
  min: finite.optional(),
  max: finite.optional(),
  step: finite.positive().optional(),
});

export const floatSpecSchema = z.strictObject({
  type: z.literal('float'),
  min: finite.optional(),
  max: finite.optional(),
});

export const booleanSpecSchema = z.strictObject({ type: z.literal('boolean') });

export const jsonSpecSchema = z.strictObject({
  type: z.literal('json'),
  /** An optional JSON Schema (draft 2020-12) the value must satisfy. */
  schema: z.record(z.string(), z.unknown()).optional(),
});

export const colorSpecSchema = z.strictObject({ type: z.literal('color'), allowAlpha: z.boolean().optional() });
export const imageSpecSchema = z.strictObject({ type: z.literal('image') });
export const videoSpecSchema = z.strictObject({ type: z.literal('video') });
export const textStyleSpecSchema = z.strictObject({ type: z.literal('textStyle') });
export const recommendationsSpecSchema = z.strictObject({
  type: z.literal('recommendations'),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(1).max(1000).optional(),
});

export const elementSpecSchema = z.discriminatedUnion('type', [
  stringSpecSchema,
  integerSpecSchema,
  numberSpecSchema,
  floatSpecSchema,
  booleanSpecSchema,
  jsonSpecSchema,
  colorSpecSchema,
  imageSpecSchema,
  videoSpecSchema,
  textStyleSpecSchema,
  recommendationsSpecSchema,
]);

export const arraySpecSchema = z.strictObject({
  type: z.literal('array'),
  items: elementSpecSchema,
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(1).max(10_000).optional(),
});

export const mapSpecSchema = z.strictObject({
  type: z.literal('map'),
  values: elementSpecSchema,
  maxEntries: z.number().int().min(1).max(10_000).optional(),
});

export const typeSpecSchema = z
  .discriminatedUnion('type', [...elementSpecSchema.options, arraySpecSchema, mapSpecSchema])
  .superRefine((spec, ctx) => {
    const bounds: [number | undefined, number | undefined, string][] = [];
    if ('min' in spec && 'max' in spec) bounds.push([spec.min, spec.max, 'max']);
    if (spec.type === 'array' || spec.type === 'recommendations') bounds.push([spec.minItems, spec.maxItems, 'maxItems']);
    for (const [low, high, field] of bounds) {
      if (low !== undefined && high !== undefined && low > high) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Must not be below the minimum' });
      }
    }
  });

export type TypeSpec = z.infer<typeof typeSpecSchema>;
export type ElementSpec = z.infer<typeof elementSpecSchema>;
export type ParameterType = TypeSpec['type'];

export const parameterTypes = [
  'string',
  'integer',
  'number',
  'float',
  'boolean',
  'json',
  'array',
  'map',
  'color',
  'image',
  'video',
  'textStyle',
  'recommendations',
] as const satisfies readonly ParameterType[];

export const parameterTypeLabels: Record<ParameterType, string> = {
  string: 'Text',
  integer: 'Integer',
  number: 'Number',
  float: 'Decimal (float)',
  boolean: 'Boolean flag',
  json: 'JSON',
  array: 'List',
  map: 'Map',
  color: 'Colour',
  image: 'Image',
  video: 'Video',
  textStyle: 'Text style',
  recommendations: 'Recommendations',
};

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
