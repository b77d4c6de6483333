/**
 * `$regex` / `$regexi` on RE2JS, a linear-time engine: attribute values come from apps
 * and anyone who may edit a segment chooses the pattern, so a backtracking RegExp
 * (`^(a+)+$` against "aaa…!") would hold the server's only thread for seconds.
 */
import { RE2JS } from 're2js';
import { jsPatternToRe2 } from './js-to-re2';

/**
 * Longest value (in UTF-16 code units) a `$regex` is tested against; a longer value does
 * not match. Not truncated, because a prefix can match where the value does not
 * (`^a{3}$`, "-12-25$"); a miss is predictable and `$not: {$regex}` passes as for any miss.
 * Linear matching already bounds the cost; the cap bounds its constant (patterns × users
 * in a reach count). 4,096 is well above user agents, URLs and e-mail addresses.
 */
export const MAX_REGEX_SUBJECT_LENGTH = 4096;

/**
 * Largest compiled program (RE2JS programSize, about one instruction per character or
 * repetition) a pattern may have. Matching is linear in the value but also proportional
 * to the program when the DFA gives way to the NFA: "(?:a|ab|b){500}$" (3,003) took
 * ~200 ms per test. The first test of a new compile also builds the DFA's states, which
 * grows faster than the program: worst shapes measured ~140-270 ms at 1,000 instructions,
 * ~15-45 ms at 500, ~5-20 ms at 300 (src/shared/targeting/testing/regex-worst-case.ts).
 * Real targeting patterns (user agents, domains, versions) stay in the tens to low hundreds;
 * 500 keeps room for an alternation of a few dozen domains.
 */
export const MAX_REGEX_PROGRAM_SIZE = 500;

export type RegexCompilation =
  | { ok: true; regex: RE2JS }
  | { ok: false; reason: string };

/** Compiles a JS-syntax pattern for the linear engine, or says why it cannot. */
export function compileLinearRegex(pattern: string, insensitive: boolean): RegexCompilation {
  const translated = jsPatternToRe2(pattern);
  if (!translated.ok) return translated;
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(RE2JS.translateRegExp(translated.source), insensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    return { ok: false, reason: detail };
  }
  const size = regex.programSize();
  if (size > MAX_REGEX_PROGRAM_SIZE) {
    return { ok: false, reason: `it is too large for the linear-time engine (${size} instructions; at most ${MAX_REGEX_PROGRAM_SIZE})` };
  }
  return { ok: true, regex };
}

/** Unanchored search, like RegExp.test; values over the cap never match. */
export function linearTest(regex: RE2JS, subject: string): boolean {
  return subject.length <= MAX_REGEX_SUBJECT_LENGTH && regex.test(subject);
}
