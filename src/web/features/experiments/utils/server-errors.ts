import type { FieldError } from '../../../../shared/contract/common';

export interface RoutedErrors {
  /** For react-hook-form's setError, at the path of the input that shows them. */
  fields: FieldError[];
  /** Under `variants.N.overrides.`: shown by the value editor of that variant and parameter. */
  overrides: FieldError[];
  /** Problems no input shows: summarised above the save button. */
  unplaced: FieldError[];
}

/** [pattern, where the message is shown] for every path the editor has an input for. */
const placements: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^(key|name|hypothesis|owner|allocation|stickyMembership|startAt|endAt|variants|testUsers|layer|metrics)$/, (m) => m[1]],
  [/^tags(\.\d+)?$/, () => 'tags'],
  [/^audience(\.(segmentId|condition))?(\..*)?$/, (m) => (m[2] ? `audience.${m[2]}` : 'audience')],
  [/^variants\.(\d+)\.(key|name|weight)$/, (m) => `variants.${m[1]}.${m[2]}`],
  [/^variants\.(\d+)$/, (m) => `variants.${m[1]}.key`],
  [/^metrics\.(primary|secondary|guardrails)(\.\d+)?$/, (m) => `metrics.${m[1]}`],
  [/^layer\.(name|share)$/, (m) => `layer.${m[1]}`],
  [/^autoShip(\.(enabled|minDays|audience))?$/, (m) => `autoShip.${m[2] ?? 'enabled'}`],
  [/^testUsers\.(\d+)\.(targetingKey|variant)$/, (m) => `testUsers.${m[1]}.${m[2]}`],
  [/^testUsers\.(\d+)$/, (m) => `testUsers.${m[1]}.targetingKey`],
];

/** Sends each problem+json field error to the input it is about. */
export function routeServerErrors(errors: readonly FieldError[]): RoutedErrors {
  const routed: RoutedErrors = { fields: [], overrides: [], unplaced: [] };
  for (const error of errors) {
    if (/^variants\.\d+\.overrides(\.|$)/.test(error.path)) {
      routed.overrides.push(error);
      continue;
    }
    const placement = placements.map(([pattern, place]) => [pattern.exec(error.path), place] as const).find(([match]) => match);
    if (placement?.[0]) routed.fields.push({ ...error, path: placement[1](placement[0]) });
    else routed.unplaced.push(error);
  }
  return routed;
}

/**
 * Messages about one variant's override of `key`, paths relative to the value. Parameter keys may
 * hold dots, so a longer key among `allKeys` that also matches takes its own messages.
 */
export function overrideMessages(errors: readonly FieldError[], variantIndex: number, key: string, allKeys: readonly string[]): { path: string; message: string }[] {
  const prefix = `variants.${variantIndex}.overrides.${key}`;
  const longer = allKeys.filter((other) => other !== key && other.startsWith(`${key}.`)).map((other) => `variants.${variantIndex}.overrides.${other}`);
  return errors.flatMap((error) => {
    if (longer.some((other) => error.path === other || error.path.startsWith(`${other}.`))) return [];
    if (error.path === prefix) return [{ path: '', message: error.message }];
    if (error.path.startsWith(`${prefix}.`)) return [{ path: error.path.slice(prefix.length + 1), message: error.message }];
    return [];
  });
}

/** Messages about a variant's overrides as a whole ('variants.1.overrides'). */
export function overridesRootMessage(errors: readonly FieldError[], variantIndex: number): string | undefined {
  const messages = errors.filter((error) => error.path === `variants.${variantIndex}.overrides`).map((error) => error.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}
