import { Validator } from '@cfworker/json-schema';
import type { z } from 'zod';
import type { FieldError } from '../contract/common';
import { plainSchemaError } from './schema-messages';
import type { ElementSpec, TypeSpec } from './type-spec';
import {
  colorValueSchema,
  HEX_COLOR,
  imageValueSchema,
  recommendationsValueSchema,
  textStyleValueSchema,
  videoValueSchema,
} from './value-schemas';

export interface ValueCheck {
  /** Problems that make the value unusable: the API refuses it. */
  errors: FieldError[];
  /** Things the marketer should know but may accept (a float that rounds). */
  warnings: FieldError[];
}

const join = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));

/** Checks `value` against its type and constraints. Paths are relative to the value ('' is the value itself). */
export function validateValue(spec: TypeSpec, value: unknown, path = ''): ValueCheck {
  const check: ValueCheck = { errors: [], warnings: [] };
  const fail = (message: string, at = path) => check.errors.push({ path: at, message });
  switch (spec.type) {
    case 'array':
      if (!Array.isArray(value)) return fail('Must be a list'), check;
      if (spec.minItems !== undefined && value.length < spec.minItems) fail(`Needs at least ${spec.minItems} items`);
      if (spec.maxItems !== undefined && value.length > spec.maxItems) fail(`Allows at most ${spec.maxItems} items`);
      value.forEach((item, index) => merge(check, validateElement(spec.items, item, join(path, index))));
      return check;
    case 'map':
      if (!isPlainObject(value)) return fail('Must be a set of key-value pairs'), check;
      if (spec.maxEntries !== undefined && Object.keys(value).length > spec.maxEntries) fail(`Allows at most ${spec.maxEntries} entries`);
      for (const [key, item] of Object.entries(value)) {
        if (key.trim() === '') fail('Keys cannot be empty', join(path, key));
        merge(check, validateElement(spec.values, item, join(path, key)));
      }
      return check;
    default:
      return validateElement(spec, value, path);
  }
}

function validateElement(spec: ElementSpec, value: unknown, path: string): ValueCheck {
  const check: ValueCheck = { errors: [], warnings: [] };
  const fail = (message: string, at = path) => check.errors.push({ path: at, message });
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return fail('Must be text'), check;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) fail(`Use at most ${spec.maxLength} characters`);
      if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value)) fail(`Must match the pattern ${spec.pattern}`);
      if (spec.allowedValues && !spec.allowedValues.includes(value)) fail(`Must be one of: ${spec.allowedValues.join(', ')}`);
      return check;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail('Must be a whole number'), check;
      if (!Number.isSafeInteger(value)) return fail('Must be between -9007199254740991 and 9007199254740991'), check;
      checkRange(spec, value, fail);
      return check;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Must be a number'), check;
      checkRange(spec, value, fail);
      if (spec.step !== undefined && !onStep(value, spec.min ?? 0, spec.step)) fail(`Must be a multiple of ${spec.step}${spec.min ? ` from ${spec.min}` : ''}`);
      return check;
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Must be a number'), check;
      if (Math.abs(value) > 3.4028234663852886e38) return fail('Too large for a 32-bit float'), check;
      checkRange(spec, value, fail);
      if (Math.fround(value) !== value) {
        check.warnings.push({ path, message: `Apps reading a 32-bit float get ${Math.fround(value)}` });
      }
      return check;
    case 'boolean':
      if (typeof value !== 'boolean') fail('Must be true or false');
      return check;
    case 'json':
      if (!isJsonValue(value)) return fail('Must be JSON'), check;
      if (spec.schema) {
        const result = new Validator(spec.schema as ConstructorParameters<typeof Validator>[0], '2020-12', false).validate(value);
        for (const unit of result.errors.filter((u) => !['properties', 'items', 'allOf', '$ref'].includes(u.keyword))) {
          const plain = plainSchemaError(spec.schema, unit);
          if (plain) fail(plain.message, join(path, pointerToPath(plain.pointer)).replace(/\.$/, ''));
        }
      }
      return check;
    case 'color':
      return fromZod(colorValueSchema, value, path, check, () => {
        if (spec.allowAlpha === false && typeof value === 'string' && value.length === 9) fail('This colour does not allow transparency');
      });
    case 'image':
      return fromZod(imageValueSchema, value, path, check);
    case 'video':
      return fromZod(videoValueSchema, value, path, check);
    case 'textStyle':
      return fromZod(textStyleValueSchema, value, path, check);
    case 'recommendations':
      return fromZod(recommendationsValueSchema, value, path, check, () => {
        const items = (value as { items: string[] }).items;
        if (spec.minItems !== undefined && items.length < spec.minItems) fail(`Needs at least ${spec.minItems} items`, join(path, 'items'));
        if (spec.maxItems !== undefined && items.length > spec.maxItems) fail(`Allows at most ${spec.maxItems} items`, join(path, 'items'));
        if (new Set(items).size !== items.length) fail('Each item may appear only once', join(path, 'items'));
      });
  }
}

function checkRange(spec: { min?: number; max?: number }, value: number, fail: (message: string) => void) {
  if (spec.min !== undefined && value < spec.min) fail(`Must be at least ${spec.min}`);
  if (spec.max !== undefined && value > spec.max) fail(`Must be at most ${spec.max}`);
}

function onStep(value: number, base: number, step: number): boolean {
  const steps = (value - base) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

function fromZod(schema: z.ZodType, value: unknown, path: string, check: ValueCheck, extra?: () => void): ValueCheck {
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      check.errors.push({ path: [path, ...issue.path.map(String)].filter(Boolean).join('.'), message: issue.message });
    }
  } else {
    extra?.();
  }
  return check;
}

function merge(into: ValueCheck, from: ValueCheck) {
  into.errors.push(...from.errors);
  into.warnings.push(...from.warnings);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (isPlainObject(value)) return Object.values(value).every(isJsonValue);
  return false;
}

/** "/screens/0/title" -> "screens.0.title" */
function pointerToPath(pointer: string): string {
  return pointer
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Whether a JSON Schema document can be used at all (compiles and validates something). */
export function checkJsonSchema(schema: unknown): string | null {
  if (!isPlainObject(schema)) return 'A JSON Schema must be an object';
  try {
    new Validator(schema as ConstructorParameters<typeof Validator>[0], '2020-12').validate(null);
    return null;
  } catch (error) {
    return `Not a usable JSON Schema: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export { HEX_COLOR };
