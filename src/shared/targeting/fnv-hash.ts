export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 16777619;

/**
 * 32-bit FNV-1a over UTF-16 code units (not UTF-8 bytes): that is what the
 * GrowthBook SDKs hash, so non-ASCII ids must bucket the same way here.
 */
export function fnv1a32(input: string): number {
  return fnv1a32Continue(FNV_OFFSET_BASIS, input) >>> 0;
}

/** The FNV-1a state after `input` from `state`, to hash a long text in pieces: fnv1a32(a + b) is fnv1a32Continue(fnv1a32Continue(FNV_OFFSET_BASIS, a), b) >>> 0. */
export function fnv1a32Continue(state: number, input: string): number {
  let h = state;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    // Math.imul keeps the product exact modulo 2^32, which a float multiply would not.
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/**
 * GrowthBook bucketing hash in [0, 1). Returns null for an unknown version so that
 * callers exclude the user rather than guess; the version is deliberately not defaulted
 * here because experiments default to 1 and filters to 2.
 */
export function hash(
  seed: string,
  value: string | number | boolean,
  version: number | undefined,
): number | null {
  if (version === 2) {
    // v2 hashes twice to remove the bias v1 has for similar inputs.
    return (fnv1a32(String(fnv1a32(seed + String(value)))) % 10000) / 10000;
  }
  if (version === 1) {
    // v1 concatenates the other way round; kept for existing experiments' assignments.
    return (fnv1a32(String(value) + seed) % 1000) / 1000;
  }
  return null;
}
