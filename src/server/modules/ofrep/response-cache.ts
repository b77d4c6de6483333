import type { CompiledConfig, EvaluationResult } from '../../../shared/evaluation';
import { fnv1a32 } from '../../../shared/targeting/fnv-hash';

interface Fragment {
  json: string;
  /** The JSON as UTF-8, encoded once: a bulk body is these copied side by side. */
  bytes: Uint8Array;
  /** A 64-bit hash of the JSON, as two 32-bit halves. */
  hashA: number;
  hashB: number;
  /** Numbers the fragments of one configuration, for the key of a combination of them. */
  ordinal: number;
}

// Targeted rules give users different combinations of results; there are few distinct ones (10
// segment rules make at most 1,024), so the answers built for recent combinations are kept rather
// than rebuilt (copied and hashed) for every user. Bounded per configuration.
const MAX_KEPT_ANSWERS = 256;
// Running experiments give each user one of millions of combinations, so kept answers are almost
// never asked for again: past this many kept with under one reuse in KEEP_MIN_REUSE, a
// configuration stops keeping them (they cost a copy each, and the garbage collector's time).
const KEEP_TRIAL = 1024;
const KEEP_MIN_REUSE = 8;

/** A bulk answer, ready to send: the body as bytes (encoded once) and its headers. */
export interface BulkAnswer {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Headers of the 200 answer; shared by every request that gets this body, so never mutate. */
  headers: Readonly<Record<string, string>>;
  /** Headers of the 304 answer to a matching If-None-Match; shared, never mutate. */
  notModifiedHeaders: Readonly<Record<string, string>>;
}

/** How the routes want the headers of a bulk answer built (once per distinct body). */
export interface BulkHeaders {
  ok(etag: string): Record<string, string>;
  notModified(etag: string): Record<string, string>;
}

/**
 * Serialised OFREP results, cached per configuration version. Within one version a parameter's
 * (variant, reason, experiment) fixes its value (an invariant of src/shared/evaluation), so the JSON of
 * each result and its hash are computed once and reused for every context that gets the same.
 * The bulk ETag combines the hashes of the results actually served and the rest of the body (the
 * metadata): it follows the bytes sent, never the configuration version alone (docs/ofrep.md).
 */
interface ConfigEntry {
  fragments: Map<string, Fragment>;
  /**
   * The last bulk answer: reused while a request's results are the same result objects
   * (evaluation hands out one frozen object per static outcome), or else the same fragments.
   */
  lastBulk?: { results: readonly EvaluationResult[] | null; fragments: Fragment[]; answer: BulkAnswer };
  /** Answers by a hash of their fragments' ordinals, oldest first (checked fragment by fragment on a hit). */
  answers: Map<string, { fragments: Fragment[]; answer: BulkAnswer }>;
  /** How many answers were kept, and how many times a kept one was served again. */
  kept: number;
  reused: number;
  /** Everything after the flags (`],"metadata":...}`), the same for every answer of this configuration. */
  tail: Uint8Array;
  tailHashA: number;
  tailHashB: number;
}

const encoder = new TextEncoder();

export class OfrepResponseCache {
  private readonly byConfig = new WeakMap<CompiledConfig, ConfigEntry>();
  // Results that evaluation reuses (static defaults) skip even the id lookup.
  private readonly byResult = new WeakMap<EvaluationResult, Fragment>();

  constructor(private readonly headers: BulkHeaders = { ok: (etag) => ({ 'content-type': 'application/json', etag }), notModified: (etag) => ({ etag }) }) {}

  fragment(config: CompiledConfig, result: EvaluationResult): Fragment {
    const known = this.byResult.get(result);
    if (known) return known;
    return this.fragmentIn(this.entry(config), result);
  }

  bulk(config: CompiledConfig, results: readonly EvaluationResult[]): BulkAnswer {
    const entry = this.entry(config);
    const last = entry.lastBulk;
    if (last !== undefined && last.results !== null && sameObjects(last.results, results)) return last.answer;
    // Otherwise compare fragments with the last answer while building the list.
    let same = last !== undefined && last.fragments.length === results.length;
    // Whether every result was a frozen one seen before (only those are in byResult).
    let allKnown = true;
    const fragments: Fragment[] = new Array(results.length);
    let keyA = 0x811c9dc5;
    let keyB = 0x1b873593;
    for (let i = 0; i < results.length; i++) {
      const result = results[i];
      let fragment = this.byResult.get(result);
      if (fragment === undefined) {
        allKnown = false;
        fragment = this.fragmentIn(entry, result);
      }
      fragments[i] = fragment;
      keyA = Math.imul(keyA ^ fragment.ordinal, 16777619);
      keyB = Math.imul(keyB ^ (fragment.ordinal + i), 2246822519);
      if (same && last!.fragments[i] !== fragment) same = false;
    }
    if (same) {
      last!.results = allKnown ? results : null;
      return last!.answer;
    }
    const key = `${keyA >>> 0}.${keyB >>> 0}`;
    const kept = entry.answers.get(key);
    if (kept !== undefined && sameFragments(kept.fragments, fragments)) {
      entry.reused++;
      entry.lastBulk = { results: allKnown ? results : null, fragments, answer: kept.answer };
      return kept.answer;
    }
    const etag = `"${bulkHash(entry, fragments)}"`;
    const answer: BulkAnswer = { bytes: bulkBody(entry, fragments), etag, headers: this.headers.ok(etag), notModifiedHeaders: this.headers.notModified(etag) };
    entry.lastBulk = { results: allKnown ? results : null, fragments, answer };
    if (entry.kept < KEEP_TRIAL || entry.reused * KEEP_MIN_REUSE >= entry.kept) {
      if (entry.answers.size >= MAX_KEPT_ANSWERS) entry.answers.delete(entry.answers.keys().next().value!);
      entry.answers.set(key, { fragments, answer });
      entry.kept++;
    }
    return answer;
  }

  private fragmentIn(entry: ConfigEntry, result: EvaluationResult): Fragment {
    const id = `${result.key}\u0000${result.variant}\u0000${result.reason}\u0000${result.metadata.experiment ?? ''}`;
    let fragment = entry.fragments.get(id);
    if (!fragment) {
      const json = JSON.stringify({ key: result.key, value: result.value, reason: result.reason, variant: result.variant, metadata: result.metadata });
      fragment = { json, bytes: encoder.encode(json), hashA: fnv1a32(json), hashB: fnv1a32(`\u0001${json}`), ordinal: entry.fragments.size };
      entry.fragments.set(id, fragment);
    }
    if (Object.isFrozen(result)) this.byResult.set(result, fragment);
    return fragment;
  }

  private entry(config: CompiledConfig): ConfigEntry {
    let entry = this.byConfig.get(config);
    if (!entry) {
      // The ETag hashes the tail with the flags, so it covers every byte of the body: a change to
      // the metadata alone (configVersion 3 -> 4, same values) must not be answered 304 with the old metadata.
      const tail = `],"metadata":${JSON.stringify({ configVersion: config.version })}}`;
      entry = { fragments: new Map(), answers: new Map(), kept: 0, reused: 0, tail: encoder.encode(tail), tailHashA: fnv1a32(tail), tailHashB: fnv1a32(`\u0001${tail}`) };
      this.byConfig.set(config, entry);
    }
    return entry;
  }
}

/** The same objects in the same order (kept only for frozen results, so the same content). */
function sameObjects(a: readonly EvaluationResult[], b: readonly EvaluationResult[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameFragments(a: readonly Fragment[], b: readonly Fragment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const BODY_HEAD = encoder.encode('{"flags":[');
const COMMA = 0x2c;

/** `{"flags":[` + the fragments, comma-separated + the tail, copied into one buffer. */
function bulkBody(entry: ConfigEntry, fragments: readonly Fragment[]): Uint8Array<ArrayBuffer> {
  let length = BODY_HEAD.length + Math.max(0, fragments.length - 1) + entry.tail.length;
  for (const fragment of fragments) length += fragment.bytes.length;
  const body = new Uint8Array(length);
  body.set(BODY_HEAD, 0);
  let at = BODY_HEAD.length;
  for (let i = 0; i < fragments.length; i++) {
    if (i > 0) body[at++] = COMMA;
    body.set(fragments[i].bytes, at);
    at += fragments[i].bytes.length;
  }
  body.set(entry.tail, at);
  return body;
}

/**
 * 64 bits (16 hex digits) over the fragments' hashes in order and the tail's: plenty to tell two
 * bodies apart, and the same in every process for the same body. Two MurmurHash3-style lanes
 * with different seeds, each fed both halves of every hash.
 */
function bulkHash(entry: ConfigEntry, fragments: readonly Fragment[]): string {
  let a = 0x9747b28c;
  let b = 0x5bd1e995;
  for (const fragment of fragments) {
    a = mix(mix(a, fragment.hashA), fragment.hashB);
    b = mix(mix(b, fragment.hashB), fragment.hashA);
  }
  a = finish(mix(mix(a, entry.tailHashA), entry.tailHashB), fragments.length);
  b = finish(mix(mix(b, entry.tailHashB), entry.tailHashA), fragments.length);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function mix(hash: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  const h = hash ^ k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

function finish(hash: number, words: number): number {
  let h = hash ^ words;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
