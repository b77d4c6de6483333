import type { CompiledConfig, EvaluationResult } from '../../../shared/evaluation';
import { fnv1a32 } from '../../../shared/targeting/fnv-hash';

interface Fragment {
  json: string;
  hash: string;
}

/**
 * Serialised OFREP results, cached per configuration version. Within one version a parameter's
 * (variant, reason) pair fixes its value (an invariant of src/shared/evaluation), so the JSON of
 * each result and its hash are computed once and reused for every context that gets the same.
 * The bulk ETag combines the hashes of the results actually served: it follows the evaluated
 * body, never the configuration version alone (spec/ofrep.md).
 */
interface ConfigEntry {
  fragments: Map<string, Fragment>;
  /** The last bulk answer: reused while a request's results are exactly the same fragments. */
  lastBulk?: { fragments: Fragment[]; body: string; etag: string };
}

export class OfrepResponseCache {
  private readonly byConfig = new WeakMap<CompiledConfig, ConfigEntry>();
  // Results that evaluation reuses (static defaults) skip even the id lookup.
  private readonly byResult = new WeakMap<EvaluationResult, Fragment>();

  fragment(config: CompiledConfig, result: EvaluationResult): Fragment {
    const known = this.byResult.get(result);
    if (known) return known;
    const entry = this.entry(config);
    const id = `${result.key}\u0000${result.variant}\u0000${result.reason}`;
    let fragment = entry.fragments.get(id);
    if (!fragment) {
      const json = JSON.stringify({ key: result.key, value: result.value, reason: result.reason, variant: result.variant, metadata: result.metadata });
      fragment = { json, hash: hashHex(json) };
      entry.fragments.set(id, fragment);
    }
    if (Object.isFrozen(result)) this.byResult.set(result, fragment);
    return fragment;
  }

  bulk(config: CompiledConfig, results: EvaluationResult[]): { body: string; etag: string } {
    const fragments = results.map((result) => this.fragment(config, result));
    const entry = this.entry(config);
    const last = entry.lastBulk;
    if (last && last.fragments.length === fragments.length && last.fragments.every((f, i) => f === fragments[i])) return last;
    const metadata = JSON.stringify({ configVersion: config.version });
    const body = `{"flags":[${fragments.map((f) => f.json).join(',')}],"metadata":${metadata}}`;
    entry.lastBulk = { fragments, body, etag: `"${hashHex(fragments.map((f) => f.hash).join(''))}"` };
    return entry.lastBulk;
  }

  private entry(config: CompiledConfig): ConfigEntry {
    let entry = this.byConfig.get(config);
    if (!entry) {
      entry = { fragments: new Map() };
      this.byConfig.set(config, entry);
    }
    return entry;
  }
}

/** 64 bits from two FNV-1a passes with different salts: plenty to tell two bodies apart. */
function hashHex(text: string): string {
  const a = fnv1a32(text) >>> 0;
  const b = fnv1a32(`\u0001${text}`) >>> 0;
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
