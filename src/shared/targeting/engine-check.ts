/**
 * Server-side half of pattern validation: compiles every pattern on the linear engine,
 * which refuses what syntax checks cannot see (RE2's repeat limit, oversized programs).
 * Kept apart from validate.ts so the dashboard, which validates forms with the shared
 * contract, never loads RE2JS; evaluation refuses the same patterns (they never match).
 */
import type { BuilderGroup } from './builder';
import { compileLinearRegex } from './linear-regex';
import type { ConditionProblem } from './types';
import { unsupportedPatternMessage, unsupportedRuleMessage } from './validate';

function pointer(parent: string, token: string | number): string {
  return `${parent}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function engineProblem(pattern: string, insensitive: boolean): string | null {
  const compiled = compileLinearRegex(pattern, insensitive);
  return compiled.ok ? null : compiled.reason;
}

/** `$regex`/`$regexi` string operands anywhere in a condition the engine cannot run. */
export function unrunnablePatterns(condition: unknown, path = ''): ConditionProblem[] {
  if (typeof condition !== 'object' || condition === null) return [];
  const out: ConditionProblem[] = [];
  for (const [key, value] of Object.entries(condition)) {
    const at = pointer(path, key);
    if ((key === '$regex' || key === '$regexi') && typeof value === 'string') {
      const reason = engineProblem(value, key === '$regexi');
      if (reason) out.push({ path: at, message: unsupportedPatternMessage(value, reason) });
    } else {
      out.push(...unrunnablePatterns(value, at));
    }
  }
  return out;
}

/** "matches" rules of a visual definition the engine cannot run; paths like "children.0.value". */
export function unrunnableBuilderPatterns(group: BuilderGroup, path = ''): { path: string; message: string }[] {
  return group.children.flatMap((child, i) => {
    const at = `${path}children.${i}`;
    if (child.type === 'group') return unrunnableBuilderPatterns(child, `${at}.`);
    if (child.type !== 'rule' || child.operator !== 'matches' || typeof child.value !== 'string') return [];
    const reason = engineProblem(child.value, false);
    return reason ? [{ path: `${at}.value`, message: unsupportedRuleMessage(reason) }] : [];
  });
}
