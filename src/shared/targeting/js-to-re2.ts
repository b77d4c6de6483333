/**
 * Rewrites a JavaScript pattern (RegExp without the `u` flag, as the GrowthBook SDK
 * builds it) for RE2JS.translateRegExp, with the same meaning where RE2 can express it, so
 * `$regex` runs on a linear-time engine yet matches what the SDK matches. Features that
 * only a backtracking engine provides are reported instead (see docs/targeting.md 5.3).
 *
 * Handled here because RE2JS.translateRegExp alone keeps RE2's meaning for them:
 * `.` (JS excludes \r, U+2028 and U+2029 too), `\s` (JS includes \v and Unicode spaces),
 * `\A \z \Q \E \p \P \a` (plain letters in JS), `[` inside a class (RE2 reads `[:alpha:]`),
 * `[\b]` (backspace), `\u{..}` / `\x{..}` (literal letters and a quantifier in JS), and
 * `\é` (a non-ASCII identity escape), and backreferences (`\1`, `\k<name>`) and
 * lookaround, which RE2 cannot run. No RE2JS here: validation in the dashboard uses this
 * module without loading the engine (see linear-regex.ts for compiling).
 */

const JS_SPACE = '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** Escapes RE2 reads as syntax but a non-unicode JS RegExp reads as the bare letter. */
const JS_IDENTITY_LETTERS = new Set(['A', 'z', 'Q', 'E', 'p', 'P', 'a']);
const HEX = /^[0-9A-Fa-f]$/;
const LOOKAROUND = /^\(\?<?[=!]/;

export type Re2Translation = { ok: true; source: string } | { ok: false; reason: string };

/** Source for RE2JS.translateRegExp, or why the pattern needs a backtracking engine. */
export function jsPatternToRe2(pattern: string): Re2Translation {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1];
      const escape = translateEscape(next, pattern, i, inClass);
      if (typeof escape !== 'string') return escape;
      out += escape;
      i++;
    } else if (ch === '[' && !inClass) {
      // JS reads "[]" as an empty class and "[^]" as any character; translateRegExp knows both.
      const empty = pattern.startsWith('[]', i) ? '[]' : pattern.startsWith('[^]', i) ? '[^]' : null;
      if (empty) {
        out += empty;
        i += empty.length - 1;
      } else {
        inClass = true;
        out += pattern[i + 1] === '^' ? '[^' : '[';
        if (pattern[i + 1] === '^') i++;
      }
    } else if (ch === '[') {
      out += '\\[';
    } else if (ch === ']' && inClass) {
      inClass = false;
      out += ']';
    } else if (ch === '(' && !inClass && LOOKAROUND.test(pattern.slice(i, i + 4))) {
      return { ok: false, reason: `lookaround at "${pattern.slice(i, i + 4)}" needs a backtracking engine` };
    } else if (ch === '.' && !inClass) {
      out += JS_DOT;
    } else {
      out += ch;
    }
  }
  return { ok: true, source: out };
}

function translateEscape(next: string, pattern: string, at: number, inClass: boolean): string | Re2Translation {
  if (next >= '1' && next <= '9') {
    return { ok: false, reason: `backreference \\${next} needs a backtracking engine` };
  }
  if (next === 'k') return { ok: false, reason: 'named backreference \\k needs a backtracking engine' };
  if (next === 's') return inClass ? JS_SPACE : `[${JS_SPACE}]`;
  // Inside a class RE2's own \S (not ASCII whitespace) stays: a class cannot nest a negation.
  if (next === 'S' && !inClass) return `[^${JS_SPACE}]`;
  if (next === 'b' && inClass) return '\\x08';
  if (JS_IDENTITY_LETTERS.has(next)) return next;
  if (next === 'u' && !isHexRun(pattern, at + 2, 4)) return 'u';
  if (next === 'x' && !isHexRun(pattern, at + 2, 2)) return 'x';
  // JS reads "\é" as "é"; RE2 refuses escapes of anything but ASCII punctuation.
  if (next.charCodeAt(0) > 0x7f) return next;
  return `\\${next}`;
}

function isHexRun(pattern: string, from: number, length: number): boolean {
  for (let i = from; i < from + length; i++) if (!HEX.test(pattern[i] ?? '')) return false;
  return true;
}
