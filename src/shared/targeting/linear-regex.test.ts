/**
 * `$regex` on the linear-time engine: hostile patterns finish, JS semantics are kept
 * where RE2 can express them, values are capped, backtracking-only features are refused.
 */
import { evalCondition as sdkEvalCondition } from '@growthbook/growthbook';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import {
  type Condition,
  MAX_REGEX_PROGRAM_SIZE,
  MAX_REGEX_SUBJECT_LENGTH,
  compileCondition,
  evalCondition,
  regexPatternProblem,
  unrunnableBuilderPatterns,
  unrunnablePatterns,
  validateCondition,
} from './index';
import { compileLinearRegex } from './linear-regex';
import { buildRegex } from './semantics';

/** Fine for a backtracking engine, but ~3,000 instructions: slow per test on the NFA. */
const TOO_LARGE = '(?:a|ab|b){500}$';

const both = (attributes: Record<string, unknown>, condition: unknown) => {
  const interpreted = evalCondition(attributes, condition as Condition);
  expect(compileCondition(condition as Condition)(attributes)).toBe(interpreted);
  return interpreted;
};

describe('ReDoS', () => {
  it('runs every pattern on RE2JS, never on a backtracking RegExp', () => {
    expect(buildRegex('^(a+)+$', false)).toBeInstanceOf(RE2JS);
    expect(buildRegex('^(a|aa)+$', true)).toBeInstanceOf(RE2JS);
  });

  it('answers catastrophic patterns over 100,000 characters (a backtracking engine would not finish)', () => {
    // 2^100000 paths for a backtracking engine; one pass for an automaton.
    const hostile = 'a'.repeat(100_000) + '!';
    const regex = buildRegex('^(a+)+$', false)!;
    expect(regex.test(hostile)).toBe(false);
    expect(regex.test('a'.repeat(100_000))).toBe(true);
    expect(buildRegex('^(\\w+\\s?)*$', false)!.test('word '.repeat(20_000) + '!')).toBe(false);
    expect(buildRegex('(x+x+)+y', false)!.test('x'.repeat(100_000))).toBe(false);
  });

  it('evaluates the hostile pattern through conditions at the length cap', () => {
    const almost = 'a'.repeat(MAX_REGEX_SUBJECT_LENGTH - 1);
    expect(both({ a: almost + '!' }, { a: { $regex: '^(a+)+$' } })).toBe(false);
    expect(both({ a: almost + 'a' }, { a: { $regex: '^(a+)+$' } })).toBe(true);
    expect(both({ a: almost + '!' }, { a: { $regexi: '^(A+)+!$' } })).toBe(true);
  });
});

describe('length cap', () => {
  it('is exported as 4,096 UTF-16 code units', () => {
    expect(MAX_REGEX_SUBJECT_LENGTH).toBe(4096);
  });

  it('matches a value of exactly the cap and never one longer (not truncated)', () => {
    const atCap = 'x'.repeat(MAX_REGEX_SUBJECT_LENGTH);
    expect(both({ ua: atCap }, { ua: { $regex: '^x' } })).toBe(true);
    // A truncated value would match "^x"; a longer value simply does not match.
    expect(both({ ua: atCap + 'y' }, { ua: { $regex: '^x' } })).toBe(false);
    expect(both({ ua: atCap + 'y' }, { ua: { $regex: 'y$' } })).toBe(false);
    // As for any miss, the negation passes.
    expect(both({ ua: atCap + 'y' }, { ua: { $not: { $regex: '^x' } } })).toBe(true);
  });

  it('caps the string form of non-string values too', () => {
    const long = Array.from({ length: MAX_REGEX_SUBJECT_LENGTH }, () => 1);
    expect(both({ a: long.slice(0, 2) }, { a: { $regex: '^1,1$' } })).toBe(true);
    expect(both({ a: long }, { a: { $regex: '^1' } })).toBe(false);
  });
});

describe('backtracking-only features', () => {
  const backtrackingOnly = ['(a)\\1', '(?<n>a)\\k<n>', 'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b'];

  it.each(backtrackingOnly)('refuses %s on save with a field error (by syntax, without the engine)', (pattern) => {
    const problems = validateCondition({ name: { $regex: pattern } });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('/name/$regex');
    expect(problems[0].message).toMatch(/is not supported: .*linear-time engine \(RE2\)/);
    expect(validateCondition({ name: { $regexi: pattern } })[0].path).toBe('/name/$regexi');
    expect(regexPatternProblem(pattern, false)?.kind).toBe('unsupported');
  });

  it.each([...backtrackingOnly, 'a{1001}', TOO_LARGE])('treats %s as never matching at evaluation, without throwing', (pattern) => {
    expect(both({ name: 'aa' }, { name: { $regex: pattern } })).toBe(false);
    expect(both({ name: 'aa' }, { name: { $not: { $regex: pattern } } })).toBe(true);
  });

  it('names the feature in the reason', () => {
    expect(compileLinearRegex('(a)\\1', false)).toEqual({ ok: false, reason: 'backreference \\1 needs a backtracking engine' });
    expect(compileLinearRegex('x(?<=a)b', false)).toEqual({ ok: false, reason: 'lookaround at "(?<=" needs a backtracking engine' });
    // Inside a class "(?=" is three literal characters.
    expect(compileLinearRegex('[(?=]', false).ok).toBe(true);
  });
});

describe('patterns only the engine refuses (checked on the server)', () => {
  it('refuses RE2 repeat limits and programs over MAX_REGEX_PROGRAM_SIZE, with JSON-pointer paths', () => {
    expect(MAX_REGEX_PROGRAM_SIZE).toBe(500);
    expect(validateCondition({ a: { $regex: TOO_LARGE } })).toEqual([]);
    const problems = unrunnablePatterns({ $or: [{ a: { $regex: 'a{1001}' } }, { b: { $not: { $regexi: TOO_LARGE } } }, { c: { $regex: '^ok$' } }] });
    expect(problems.map((p) => p.path)).toEqual(['/$or/0/a/$regex', '/$or/1/b/$not/$regexi']);
    expect(problems[0].message).toMatch(/invalid repeat count/);
    expect(problems[1].message).toMatch(/too large for the linear-time engine \(\d+ instructions; at most 500\)/);
    expect(compileLinearRegex('[a-z]{490}', false).ok).toBe(true);
    expect(compileLinearRegex('[a-z]{510}', false).ok).toBe(false);
  });

  it('finds them in nested builder rules', () => {
    const rule = (value: string) => ({ type: 'rule' as const, attribute: 'ua', kind: 'text' as const, operator: 'matches' as const, value });
    const builder = { type: 'group' as const, combinator: 'and' as const, children: [rule('^ok'), { type: 'group' as const, combinator: 'or' as const, children: [rule('x'), rule(TOO_LARGE)] }] };
    const problems = unrunnableBuilderPatterns(builder);
    expect(problems).toEqual([{ path: 'children.1.children.1.value', message: expect.stringMatching(/^Not supported: it is too large/) }]);
  });
});

describe('JavaScript semantics on RE2', () => {
  // Each pattern is benign, so the native RegExp (the SDK's engine) is a safe oracle.
  const patterns = [
    '^x.y$', '^x\\sy$', '^x\\Sy$', '^[\\s]+$', '^[^\\s]+$', '[\\S\\s]', '^\\p\\P\\A\\z\\Q\\E\\a$', '^[[:alpha:]]$',
    '^[\\b]$', '\\bword\\b', '^\\u0041$', '^\\u{2}$', '^\\x41$', '^\\x{41}$', '^\\cA$', '^\\0$', '(?<year>\\d{4})-\\d\\d',
    'a/b', '\\/', '^$', 'a{,2}', 'x{', '^]$', '^[]$', '^[^]$', 'Mobile|Tablet', '^\\d+$', '^\\w+$', '^\\W$', '^\\D$',
    '^\\t\\n\\v\\f\\r$', '^\\.$', '\\$$', '^a{2,3}$', '^(?:ab)+?c', '^ü$', '名', '\\-', '^[a-c-]+$',
  ];
  const subjects = [
    'x y', 'x\ry', 'x\u2028y', 'x\u00a0y', 'x\vy', 'x\u3000y', 'x\ufeffy', 'xzy', 'x\ny', 'pPAzQEa', 'a', ':', '[', ']',
    '\b', 'a word here', 'A', 'uu', 'u{2}', 'x{41}', '\u0001', '\0', '2026-12-25', 'a/b', '/', '', 'a{,2}', 'x{',
    '[]', 'Mobile', '123', 'abc_1', '-', '\t\n\v\f\r', '.', '$', 'aaa', 'ababc', 'ü', '名前', 'abc-',
  ];

  it('matches what a native non-unicode RegExp matches', () => {
    const differences: string[] = [];
    for (const pattern of patterns) {
      for (const insensitive of [false, true]) {
        const native = new RegExp(pattern, insensitive ? 'i' : undefined);
        const linear = buildRegex(pattern, insensitive);
        if (linear === null) {
          differences.push(`${pattern}: not compiled`);
          continue;
        }
        for (const s of subjects) {
          if (native.test(s) !== linear.test(s)) differences.push(`${pattern}${insensitive ? '/i' : ''} on ${JSON.stringify(s)}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('documents where RE2 still differs from the SDK (code points and Unicode case folding)', () => {
    const sdk = (attributes: Record<string, unknown>, condition: unknown) =>
      sdkEvalCondition(attributes, condition as never);
    // RE2 reads astral characters as one code point; a non-unicode RegExp as two units.
    expect(sdk({ a: '😀' }, { a: { $regex: '^.$' } })).toBe(false);
    expect(both({ a: '😀' }, { a: { $regex: '^.$' } })).toBe(true);
    // RE2 folds case by Unicode simple folding: the long s folds to "s", as in a `u` RegExp.
    expect(sdk({ a: 'ſ' }, { a: { $regexi: '^s$' } })).toBe(false);
    expect(both({ a: 'ſ' }, { a: { $regexi: '^s$' } })).toBe(true);
    // The SDK runs backreferences; they are refused on save and never match here.
    expect(sdk({ a: 'aa' }, { a: { $regex: '^(a)\\1$' } })).toBe(true);
    expect(both({ a: 'aa' }, { a: { $regex: '^(a)\\1$' } })).toBe(false);
  });
});
