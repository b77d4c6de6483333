/**
 * Prints the per-test cost of the worst patterns the limits allow (a benchmark, not a
 * test: no timing assertions). Run: npx tsx src/shared/targeting/testing/regex-worst-case.ts
 */
import { MAX_REGEX_PROGRAM_SIZE, MAX_REGEX_SUBJECT_LENGTH } from '../linear-regex';
import { buildRegex, regexTest } from '../semantics';

// DFA-hostile shapes (many live states) sized just under the program limit.
const PATTERNS = ['(?:a|ab|b){166}$', '(?:[a-c]|ab|bc){120}$', '[ab]*a[ab]{990}$', '^(a+)+$', '(Mobile|Tablet)'];
const SUBJECTS = {
  'ab…': (n: number) => 'ab'.repeat(n / 2),
  'a…!': (n: number) => 'a'.repeat(n - 1) + '!',
};

console.log(`limits: program ${MAX_REGEX_PROGRAM_SIZE} instructions, value ${MAX_REGEX_SUBJECT_LENGTH} chars`);
for (const pattern of PATTERNS) {
  if (!buildRegex(pattern, false)) {
    console.log(`${pattern.padEnd(24)} refused`);
    continue;
  }
  for (const [name, make] of Object.entries(SUBJECTS)) {
    for (const length of [1024, MAX_REGEX_SUBJECT_LENGTH]) {
      // A fresh compile per row: the lazy DFA's state cache starts cold, as after a config change.
      const regex = buildRegex(pattern, false)!;
      // Distinct values per run, so the lazy DFA's cache is not simply replayed.
      const values = Array.from({ length: 20 }, (_, i) => make(length).slice(0, length - 1) + String.fromCharCode(97 + (i % 3)));
      const start = performance.now();
      for (const value of values) regexTest(regex, value);
      const perTest = (performance.now() - start) / values.length;
      console.log(`${pattern.padEnd(24)} size ${String(regex.programSize()).padStart(4)}  ${name} ×${length}: ${perTest.toFixed(2)} ms/test`);
    }
  }
}
