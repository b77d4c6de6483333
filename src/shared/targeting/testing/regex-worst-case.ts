/**
 * Prints the cost of the worst patterns the limits allow (a benchmark, not a test: no timing
 * assertions): the first test after a compile (it builds the lazy DFA's states) and later
 * tests. Run: npx tsx src/shared/targeting/testing/regex-worst-case.ts
 */
import { RE2JS } from 're2js';
import { MAX_REGEX_PROGRAM_SIZE, MAX_REGEX_SUBJECT_LENGTH } from '../linear-regex';
import { buildRegex, regexTest } from '../semantics';

// DFA-hostile shapes (many live states), each repeated as often as the program limit allows.
const FAMILIES: ((n: number) => string)[] = [(n) => `(?:a|ab|b){${n}}$`, (n) => `(?:[a-c]|ab|bc){${n}}$`, (n) => `[ab]*a[ab]{${n}}$`, (n) => `(?:a?){${n}}a{${n}}`];
const FIXED = ['^(a+)+$', '(Mobile|Tablet)'];
const SUBJECTS = {
  'ab…': (n: number) => 'ab'.repeat(n / 2),
  'a…!': (n: number) => 'a'.repeat(n - 1) + '!',
};

/** The family's pattern with the largest repeat count whose program fits the limit. */
function largestAllowed(family: (n: number) => string): string {
  let n = 1;
  while (RE2JS.compile(family(n + 1)).programSize() <= MAX_REGEX_PROGRAM_SIZE) n++;
  return family(n);
}

console.log(`limits: program ${MAX_REGEX_PROGRAM_SIZE} instructions, value ${MAX_REGEX_SUBJECT_LENGTH} chars`);
for (const pattern of [...FAMILIES.map(largestAllowed), ...FIXED]) {
  if (!buildRegex(pattern, false)) {
    console.log(`${pattern.padEnd(24)} refused`);
    continue;
  }
  for (const [name, make] of Object.entries(SUBJECTS)) {
    for (const length of [1024, MAX_REGEX_SUBJECT_LENGTH]) {
      // Distinct values per run, so the lazy DFA's cache is not simply replayed.
      const values = Array.from({ length: 20 }, (_, i) => make(length).slice(0, length - 1) + String.fromCharCode(97 + (i % 3)));
      // The first test of 5 fresh compiles (the state cache starts cold, as after a config
      // change), median: the machine's other work makes single figures noisy.
      const firsts = values.slice(0, 5).map((value) => {
        const fresh = buildRegex(pattern, false)!;
        const start = performance.now();
        regexTest(fresh, value);
        return performance.now() - start;
      });
      const first = firsts.sort((a, b) => a - b)[2];
      const regex = buildRegex(pattern, false)!;
      regexTest(regex, values[0]);
      const start = performance.now();
      for (const value of values.slice(1)) regexTest(regex, value);
      const later = (performance.now() - start) / (values.length - 1);
      console.log(`${pattern.padEnd(24)} size ${String(regex.programSize()).padStart(4)}  ${name} ×${length}: first ${first.toFixed(1)} ms (median of 5), then ${later.toFixed(2)} ms/test`);
    }
  }
}
