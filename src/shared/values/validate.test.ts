import { describe, expect, it } from 'vitest';
import { defaultValueFor, diffJson, parameterTypes, parseJsonText, toOfrepValue, typeSpecSchema, validateValue, type TypeSpec } from './index';

const ok = (spec: TypeSpec, value: unknown) => expect(validateValue(spec, value).errors).toEqual([]);
const bad = (spec: TypeSpec, value: unknown, message: RegExp, path = '') => {
  const { errors } = validateValue(spec, value);
  expect(errors.length, JSON.stringify(value)).toBeGreaterThan(0);
  expect(errors[0].path).toBe(path);
  expect(errors[0].message).toMatch(message);
};

describe('validateValue', () => {
  it('string: max length, pattern and allowed values', () => {
    ok({ type: 'string', maxLength: 5 }, 'hello');
    bad({ type: 'string', maxLength: 5 }, 'hello!', /at most 5/);
    bad({ type: 'string', pattern: '^[A-Z]+$' }, 'abc', /pattern/);
    bad({ type: 'string', allowedValues: ['a', 'b'] }, 'c', /one of: a, b/);
    bad({ type: 'string' }, 3, /text/);
  });

  it('integer: whole numbers within the safe range and bounds', () => {
    ok({ type: 'integer', min: 1, max: 10 }, 10);
    bad({ type: 'integer' }, 1.5, /whole number/);
    bad({ type: 'integer' }, 2 ** 60, /between/);
    bad({ type: 'integer', max: 10 }, 11, /at most 10/);
  });

  it('number: bounds and step', () => {
    ok({ type: 'number', min: 0, step: 0.25 }, 1.75);
    bad({ type: 'number', min: 0, step: 0.25 }, 1.8, /multiple of 0.25/);
    bad({ type: 'number' }, '1', /number/);
  });

  it('float: warns when 32-bit rounding changes the value', () => {
    expect(validateValue({ type: 'float' }, 0.5)).toEqual({ errors: [], warnings: [] });
    const check = validateValue({ type: 'float' }, 0.1);
    expect(check.errors).toEqual([]);
    expect(check.warnings[0].message).toContain(String(Math.fround(0.1)));
    expect(toOfrepValue({ type: 'float' }, 0.1)).toBe(Math.fround(0.1));
  });

  it('json: any JSON, or JSON satisfying its schema, with the failing field path', () => {
    const spec: TypeSpec = {
      type: 'json',
      schema: { type: 'object', required: ['screens'], properties: { screens: { type: 'array', items: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } } },
    };
    ok(spec, { screens: [{ title: 'Welcome' }] });
    const { errors } = validateValue(spec, { screens: [{ title: 5 }] });
    expect(errors.map((e) => e.path)).toContain('screens.0.title');
    bad({ type: 'json' }, Number.NaN, /JSON/);
  });

  it('array and map: item rules with indexed paths', () => {
    const list: TypeSpec = { type: 'array', items: { type: 'integer', min: 0 }, maxItems: 3 };
    ok(list, [1, 2, 3]);
    bad(list, [1, -2], /at least 0/, '1');
    bad(list, [1, 2, 3, 4], /at most 3 items/);
    const map: TypeSpec = { type: 'map', values: { type: 'color' } };
    ok(map, { primary: '#ff0000' });
    bad(map, { primary: 'red' }, /hex colour/, 'primary');
  });

  it('color, image, video, text style and recommendations', () => {
    ok({ type: 'color' }, '#11223344');
    bad({ type: 'color' }, '#12345', /hex colour/);
    bad({ type: 'color', allowAlpha: false }, '#11223344', /transparency/);
    ok({ type: 'image' }, { url: 'https://cdn.example.com/a.png', alt: 'A', width: 10, height: 10 });
    bad({ type: 'image' }, { url: 'javascript:alert(1)', alt: '' }, /http/, 'url');
    ok({ type: 'video' }, { url: 'https://cdn.example.com/a.mp4', autoplay: true, loop: false });
    ok({ type: 'textStyle' }, { fontSize: 18, fontWeight: 700, color: '#000000', backgroundColor: '#FFFFFF' });
    bad({ type: 'textStyle' }, { fontSize: 18, fontWeight: 650, color: '#000000' }, /weight/, 'fontWeight');
    ok({ type: 'recommendations', maxItems: 3 }, { items: ['a', 'b'], strategy: 'popular' });
    bad({ type: 'recommendations' }, { items: ['a', 'a'] }, /only once/, 'items');
  });

  it('every type has a valid default value', () => {
    const specs: Record<string, TypeSpec> = {
      array: { type: 'array', items: { type: 'string' }, minItems: 1 },
      map: { type: 'map', values: { type: 'number' } },
    };
    for (const type of parameterTypes) {
      const spec = specs[type] ?? typeSpecSchema.parse({ type });
      expect(validateValue(spec, defaultValueFor(spec)).errors, type).toEqual([]);
    }
  });
});

describe('typeSpecSchema', () => {
  it('refuses an invalid regex and inverted bounds', () => {
    expect(typeSpecSchema.safeParse({ type: 'string', pattern: '([a-z' }).success).toBe(false);
    const inverted = typeSpecSchema.safeParse({ type: 'integer', min: 5, max: 1 });
    expect(inverted.success).toBe(false);
    expect(typeSpecSchema.safeParse({ type: 'array', items: { type: 'array', items: { type: 'string' } } }).success).toBe(false);
  });
});

describe('parseJsonText', () => {
  it('reports the line and column of a syntax error', () => {
    const result = parseJsonText('{\n  "a": 1,\n  "b": }');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(3);
      expect(result.column).toBeGreaterThan(5);
    }
  });
});

describe('diffJson', () => {
  it('lists changed paths', () => {
    expect(diffJson({ a: 1, b: { c: 2 }, d: [1] }, { a: 1, b: { c: 3 }, d: [1, 2] })).toEqual([
      { path: 'b.c', before: 2, after: 3 },
      { path: 'd', before: [1], after: [1, 2] },
    ]);
  });
});
