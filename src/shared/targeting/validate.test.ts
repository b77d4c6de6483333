import { describe, expect, it } from 'vitest';
import {
  type BuilderGroup,
  type Condition,
  MAX_REGEX_CLAUSES,
  compileCondition,
  evalCondition,
  referencedSavedGroups,
  tooManyBuilderPatterns,
  validateCondition,
} from './index';

const messages = (condition: unknown) => validateCondition(condition).map((p) => `${p.path}: ${p.message}`);

describe('validateCondition', () => {
  it.each<[string, unknown]>([
    ['empty document', {}],
    ['attribute equality', { country: 'US', age: 30, beta: true, userId: null }],
    ['literal array and object', { tags: ['a', 'b'], address: { city: 'Paris' }, x: {} }],
    ['operators', { age: { $gte: 18, $lt: 65 }, country: { $in: ['US', 'CA'] }, v: { $vgte: '1.2.0' } }],
    ['regex', { ua: { $regex: '(Mobile|Tablet)/\\d+' }, name: { $regexi: '^bob$' } }],
    ['nesting', { $or: [{ a: 1 }, { $and: [{ b: 2 }, { $not: { c: 3 } }] }], $nor: [{ d: { $exists: true } }] }],
    ['array operators', { tags: { $all: ['a', { $regex: '^b' }], $size: { $gt: 1 }, $elemMatch: { $eq: 'a' } } }],
    ['$elemMatch document', { items: { $elemMatch: { 'sku.id': { $in: [1, 2] }, $or: [{ qty: 1 }] } } }],
    ['saved groups', { id: { $inGroup: 'beta' }, $savedGroup: { id: 'vip', attributeKey: 'user.id' } }],
    ['types and dot paths', { 'user.address.city': { $type: 'string', $not: { $eq: '' } } }],
  ])('accepts %s', (_name, condition) => {
    expect(validateCondition(condition)).toEqual([]);
  });

  it.each<[unknown]>([[null], [[]], ['country'], [5], [true]])('refuses a non-object document: %j', (doc) => {
    expect(messages(doc)).toEqual([': condition must be a JSON object']);
  });

  it('reports unknown operators with a JSON Pointer path', () => {
    expect(messages({ name: { $regx: 'hello' } })).toEqual(['/name/$regx: unknown operator "$regx"']);
    expect(messages({ $and: [{ a: { $between: [1, 2] } }] })).toEqual([
      '/$and/0/a/$between: unknown operator "$between"',
    ]);
  });

  it('says that an uncompilable $regex pattern is invalid', () => {
    const [problem, ...rest] = validateCondition({ name: { $regex: '/???***[)' } });
    expect(rest).toEqual([]);
    expect(problem.path).toBe('/name/$regex');
    expect(problem.message).toMatch(/^invalid regular expression pattern "\/\?\?\?\*\*\*\[\)": /);
    expect(messages({ name: { $regexi: '(' } })[0]).toMatch(/invalid regular expression pattern/);
    expect(messages({ name: { $regex: 5 } })).toEqual(['/name/$regex: $regex operand must be a pattern string']);
  });

  it('flags patterns that GrowthBook SDKs can never match', () => {
    expect(messages({ name: { $regex: 'toString' } })[0]).toMatch(/never matches in GrowthBook SDKs.*"\(\?:toString\)"/);
    expect(validateCondition({ name: { $regexi: 'toString' } })).toEqual([]);
  });

  it('requires array operands for list operators and combinators', () => {
    expect(messages({ a: { $in: 'US' }, b: { $nin: 1 }, c: { $all: null }, d: { $nini: {} } })).toEqual([
      '/a/$in: $in operand must be an array',
      '/b/$nin: $nin operand must be an array',
      '/c/$all: $all operand must be an array',
      '/d/$nini: $nini operand must be an array',
    ]);
    expect(messages({ $or: { a: 1 }, $and: 'x', $nor: null })).toEqual([
      '/$or: $or must be an array of conditions',
      '/$and: $and must be an array of conditions',
      '/$nor: $nor must be an array of conditions',
    ]);
    expect(messages({ $or: [{ a: 1 }, 5, null], $not: [] })).toEqual([
      '/$or/1: condition must be a JSON object',
      '/$or/2: condition must be a JSON object',
      '/$not: condition must be a JSON object',
    ]);
  });

  it('checks operand types', () => {
    expect(messages({ a: { $in: [1, { x: 1 }] } })).toEqual(['/a/$in/1: $in items must be strings, numbers, booleans or null']);
    expect(messages({ a: { $eq: [1] } })[0]).toMatch(/^\/a\/\$eq: \$eq compares by identity/);
    expect(messages({ a: { $gt: null } })).toEqual(['/a/$gt: $gt operand must be a number or string']);
    expect(messages({ a: { $vgt: '' } })).toEqual(['/a/$vgt: $vgt operand must be a version string']);
    expect(messages({ a: { $exists: 1 } })).toEqual(['/a/$exists: $exists operand must be true or false']);
    expect(messages({ a: { $type: 'int' } })[0]).toMatch(/^\/a\/\$type: \$type must be one of string, number/);
    expect(messages({ a: { $inGroup: 5 }, b: { $notInGroup: '' } })).toEqual([
      '/a/$inGroup: $inGroup operand must be a saved group id',
      '/b/$notInGroup: $notInGroup operand must be a saved group id',
    ]);
    expect(messages({ a: { $elemMatch: [1] } })).toEqual(['/a/$elemMatch: $elemMatch operand must be an object']);
  });

  it('validates nested values inside $not, $size, $all and $elemMatch', () => {
    expect(messages({ a: { $not: { $bad: 1 } } })).toEqual(['/a/$not/$bad: unknown operator "$bad"']);
    expect(messages({ a: { $size: { $gt: [] } } })).toEqual(['/a/$size/$gt: $gt operand must be a number or string']);
    expect(messages({ a: { $all: ['x', { $regex: '[' }] } })[0]).toMatch(/^\/a\/\$all\/1\/\$regex: invalid regular expression pattern/);
    expect(messages({ a: { $elemMatch: { b: { $in: 1 } } } })).toEqual(['/a/$elemMatch/b/$in: $in operand must be an array']);
  });

  it('flags documents the SDK would read differently from what the author meant', () => {
    expect(messages({ a: { $gt: 1, b: 2 } })[0]).toMatch(/^\/a: mixes operators \(\$gt\) with plain keys/);
    expect(messages({ $in: ['x'] })[0]).toMatch(/^\/\$in: unknown top-level operator "\$in"/);
    expect(messages({ a: { $or: [] } })).toEqual(['/a/$or: $or combines whole conditions and is not allowed on an attribute value']);
    expect(messages({ a: { $savedGroup: { id: 'g' } } })[0]).toMatch(/\$savedGroup combines whole conditions/);
    expect(messages({ 'a..b': 1, '': 2 })).toEqual([
      '/a..b: attribute path "a..b" has an empty segment',
      '/: attribute path "" has an empty segment',
    ]);
  });

  it('checks $savedGroup references', () => {
    expect(messages({ $savedGroup: 'vip' })).toEqual(['/$savedGroup: $savedGroup must be an object {id, attributeKey?}']);
    expect(messages({ $savedGroup: { id: 5, attributeKey: null, extra: 1 } })).toEqual([
      '/$savedGroup/id: saved group id must be a non-empty string',
      '/$savedGroup/attributeKey: attributeKey must be a non-empty string',
      '/$savedGroup/extra: unknown $savedGroup property "extra"',
    ]);
  });

  it('escapes keys in paths (JSON Pointer) and reports every problem', () => {
    expect(messages({ 'a/b~c': { $x: 1 }, d: { $y: 2 } })).toEqual([
      '/a~1b~0c/$x: unknown operator "$x"',
      '/d/$y: unknown operator "$y"',
    ]);
  });

  it('refuses absurdly deep nesting instead of recursing without bound', () => {
    let doc: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 100; i++) doc = { $not: doc };
    expect(messages(doc).some((m) => m.includes('nested more than 64 levels'))).toBe(true);
  });

  it(`allows ${MAX_REGEX_CLAUSES} $regex/$regexi clauses per document and points at the first one beyond`, () => {
    const clauses = (n: number) => Array.from({ length: n }, (_, i) => ({ [`a${i}`]: i % 2 ? { $regex: `^x${i}` } : { $not: { $regexi: `y${i}` } } }));
    expect(validateCondition({ $or: clauses(MAX_REGEX_CLAUSES) })).toEqual([]);
    expect(validateCondition({ ua: { $regex: 'z' }, $or: clauses(MAX_REGEX_CLAUSES) })).toEqual([
      { path: `/$or/${MAX_REGEX_CLAUSES - 1}/a${MAX_REGEX_CLAUSES - 1}/$regex`, message: expect.stringMatching(/^a condition may test at most 20 patterns/) },
    ]);
  });
});

describe('tooManyBuilderPatterns', () => {
  it('counts contains, starts with, ends with and matches rules at any depth', () => {
    const operators = ['contains', 'startsWith', 'endsWith', 'matches'] as const;
    const rule = (i: number) => ({ type: 'rule' as const, attribute: `a${i}`, kind: 'text' as const, operator: operators[i % 4], value: `v${i}` });
    const group = (children: BuilderGroup['children']): BuilderGroup => ({ type: 'group', combinator: 'and', children });
    const rules = Array.from({ length: MAX_REGEX_CLAUSES }, (_, i) => rule(i));
    const plain = { type: 'rule' as const, attribute: 'plan', kind: 'text' as const, operator: 'is' as const, value: 'pro' };
    expect(tooManyBuilderPatterns(group([plain, ...rules]))).toEqual([]);
    expect(tooManyBuilderPatterns(group([plain, group(rules), group([plain, rule(3)])]))).toEqual([
      { path: 'children.2.children.1.value', message: expect.stringMatching(/^A segment may test at most 20 text patterns/) },
    ]);
  });
});

describe('referencedSavedGroups', () => {
  it('collects ids wherever evaluation would resolve them', () => {
    const condition: Condition = {
      id: { $inGroup: 'a' },
      $or: [{ email: { $notInGroup: 'b' } }, { $savedGroup: { id: 'c' } }],
      $not: { tags: { $elemMatch: { $savedGroup: { id: 'd' }, x: { $not: { $inGroup: 'e' } } } } },
      list: { $all: [{ $inGroup: 'f' }], $size: { $not: { $inGroup: 'g' } } },
      $and: [{ $nor: [{ z: { $elemMatch: { $inGroup: 'h' } } }] }],
    };
    expect([...referencedSavedGroups(condition)].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('ignores literal values and malformed references', () => {
    const condition: Condition = {
      literal: { id: { $inGroup: 'x' } },
      array: [{ $inGroup: 'y' }],
      bad: { $inGroup: 5 },
      $savedGroup: { id: 7 },
    };
    expect(referencedSavedGroups(condition).size).toBe(0);
  });
});

describe('compileCondition', () => {
  it('is reusable across many attribute sets and agrees with evalCondition', () => {
    const condition: Condition = {
      'user.age': { $gte: 18 },
      country: { $ini: ['us', 'ca'] },
      $or: [{ plan: 'pro' }, { tags: { $all: ['beta'] } }],
      ua: { $not: { $regex: 'bot' } },
    };
    const compiled = compileCondition(condition);
    const population = [
      { user: { age: 30 }, country: 'US', plan: 'pro', ua: 'Safari' },
      { user: { age: 17 }, country: 'US', plan: 'pro', ua: 'Safari' },
      { user: { age: '40' }, country: 'CA', tags: ['beta', 'x'], ua: 'Chrome' },
      { user: { age: 40 }, country: 'FR', plan: 'pro', ua: 'Safari' },
      { user: { age: 40 }, country: 'us', plan: 'free', ua: 'Googlebot' },
      {},
    ];
    const results = population.map((a) => compiled(a));
    expect(results).toEqual([true, false, true, false, false, false]);
    expect(population.map((a) => evalCondition(a, condition))).toEqual(results);
  });

  it('never throws; documents the SDK throws on evaluate to false as a whole', () => {
    const notElem = compileCondition({ $not: { a: { $elemMatch: null } } } as unknown as Condition);
    // On an array the SDK throws inside $not, so the whole condition fails (not true).
    expect(notElem({ a: [1] })).toBe(false);
    expect(evalCondition({ a: [1] }, { $not: { a: { $elemMatch: null } } } as unknown as Condition)).toBe(false);
    // On a non-array $elemMatch is simply false, so $not passes.
    expect(notElem({ a: 1 })).toBe(true);
    for (const bad of [null, { $or: null }, { $not: null }, { $and: [null] }]) {
      expect(compileCondition(bad as unknown as Condition)({})).toBe(false);
      expect(evalCondition({}, bad as unknown as Condition)).toBe(false);
    }
  });

  it('short-circuits like the SDK: an unreachable malformed branch does not matter', () => {
    const condition = { $or: [{ a: 1 }, { $not: null }] } as unknown as Condition;
    expect(compileCondition(condition)({ a: 1 })).toBe(true);
    expect(compileCondition(condition)({ a: 2 })).toBe(false);
  });

  it('resolves saved groups at compile time, including condition groups and cycles', () => {
    const groups = {
      beta: ['u1', 'u2'],
      vip: { type: 'list', attributeKey: 'email', values: ['a@x.io'] },
      adults: { type: 'condition', condition: { age: { $gte: 18 }, $savedGroup: { id: 'vip' } } },
      loop: { type: 'condition', condition: { $or: [{ $savedGroup: { id: 'loop' } }, { id: 'u1' }] } },
      ping: { type: 'condition', condition: { $savedGroup: { id: 'pong' } } },
      pong: { type: 'condition', condition: { $savedGroup: { id: 'ping' } } },
    };
    const check = (condition: Condition, attributes: Record<string, unknown>) => {
      const compiled = compileCondition(condition, groups)(attributes);
      expect(evalCondition(attributes, condition, groups)).toBe(compiled);
      return compiled;
    };
    expect(check({ id: { $inGroup: 'beta' } }, { id: 'u2' })).toBe(true);
    expect(check({ id: { $notInGroup: 'beta' } }, { id: 'u3' })).toBe(true);
    expect(check({ $savedGroup: { id: 'adults' } }, { age: 20, email: 'a@x.io' })).toBe(true);
    expect(check({ $savedGroup: { id: 'adults' } }, { age: 20, email: 'b@x.io' })).toBe(false);
    expect(check({ $savedGroup: { id: 'vip', attributeKey: 'contact.email' } }, { contact: { email: 'a@x.io' } })).toBe(true);
    // The self-reference is cut (fails) and the other branch decides.
    expect(check({ $savedGroup: { id: 'loop' } }, { id: 'u1' })).toBe(true);
    expect(check({ $savedGroup: { id: 'loop' } }, { id: 'u2' })).toBe(false);
    expect(check({ $savedGroup: { id: 'ping' } }, {})).toBe(false);
  });

  it('uses the saved groups given at compile time (recompile per configuration version)', () => {
    const groups: Record<string, unknown> = { beta: ['u1'] };
    const compiled = compileCondition({ id: { $inGroup: 'beta' } }, groups);
    groups.beta = ['u2'];
    expect(compiled({ id: 'u1' })).toBe(true);
    expect(compileCondition({ id: { $inGroup: 'beta' } }, groups)({ id: 'u1' })).toBe(false);
  });

  it('treats invalid regexes as never matching without throwing', () => {
    const compiled = compileCondition({ name: { $regex: '[' } });
    expect(compiled({ name: '[' })).toBe(false);
    expect(compileCondition({ name: { $not: { $regex: '[' } } })({ name: 'x' })).toBe(true);
  });
});
