import type { CompiledConfig, EvaluationResult } from '../../../shared/evaluation';
import { FNV_OFFSET_BASIS, fnv1a32, fnv1a32Continue } from '../../../shared/targeting/fnv-hash';

interface Fragment {
  json: string;
  /** The JSON as UTF-8, encoded once: a bulk body is these copied side by side. */
  bytes: Uint8Array;
  /** A 64-bit hash of the JSON, 16 hex digits (hashHex). */
  hash: string;
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
  /** The first bulk answer built: every later one is built from it by replacing the positions that differ. */
  template?: Template;
  /**
   * The last bulk answer: reused while a request's results are the same result objects
   * (evaluation hands out one frozen object per static outcome).
   */
  lastBulk?: { results: readonly EvaluationResult[] | null; answer: BulkAnswer };
  /** Answers by a hash of their differences from the template, oldest first (checked in full on a hit). */
  answers: Map<string, { differences: Difference[]; answer: BulkAnswer }>;
  /** How many answers were kept, and how many times a kept one was served again. */
  kept: number;
  reused: number;
  /** Everything after the flags (`],"metadata":...}`), the same for every answer of this configuration. */
  tail: string;
  tailBytes: Uint8Array;
}

/**
 * A built bulk answer to copy from. Most positions hold the same result for every user (parameters
 * without rules or experiments), so an answer is the template's bytes with a few fragments swapped:
 * a handful of copies instead of one per parameter, and its ETag resumed from the template's hash
 * state at the first position that differs.
 */
interface Template {
  /** The results it was built from, when all are frozen (then the same object means the same fragment). */
  results: readonly EvaluationResult[] | null;
  fragments: Fragment[];
  body: Uint8Array<ArrayBuffer>;
  /** Where position i's fragment starts in body. */
  starts: number[];
  /** The ETag's two hash states before each position (see etagFrom); the last, after every fragment. */
  statesA: Int32Array;
  statesB: Int32Array;
  /** The template served as it is (to a user with no difference from it). */
  answer?: BulkAnswer;
}

/** A position whose fragment differs from the template's. */
interface Difference {
  position: number;
  fragment: Fragment;
}

const encoder = new TextEncoder();

export class OfrepResponseCache {
  private readonly byConfig = new WeakMap<CompiledConfig, ConfigEntry>();
  // Results that evaluation reuses (static defaults) skip even the id lookup.
  private readonly byResult = new WeakMap<EvaluationResult, Fragment>();

  constructor(private readonly headers: BulkHeaders = { ok: (etag) => ({ 'content-type': 'application/json', etag }), notModified: (etag) => ({ etag }) }) {}

  fragment(config: CompiledConfig, result: EvaluationResult): Fragment {
    return this.fragmentOf(this.entry(config), result);
  }

  bulk(config: CompiledConfig, results: readonly EvaluationResult[]): BulkAnswer {
    const entry = this.entry(config);
    const last = entry.lastBulk;
    if (last !== undefined && last.results !== null && sameObjects(last.results, results)) return last.answer;
    const template = entry.template;
    if (template === undefined || template.fragments.length !== results.length) {
      const fragments = results.map((result) => this.fragmentOf(entry, result));
      const allKnown = results.every((result) => this.byResult.has(result));
      const built = buildTemplate(entry, allKnown ? results : null, fragments);
      const answer = this.answerOf(built.body, etagFrom(entry, built, []));
      // The first answer becomes the template; one of another length (not a bulk of this configuration) is only served.
      if (template === undefined) entry.template = { ...built, answer };
      entry.lastBulk = { results: allKnown ? results : null, answer };
      return answer;
    }
    // Whether every result was a frozen one seen before (only those are in byResult).
    let allKnown = true;
    const differences: Difference[] = [];
    let keyA = FNV_OFFSET_BASIS;
    let keyB = 0x1b873593;
    for (let i = 0; i < results.length; i++) {
      const result = results[i];
      if (template.results !== null && result === template.results[i]) continue;
      let fragment = this.byResult.get(result);
      if (fragment === undefined) {
        allKnown = false;
        fragment = this.fragmentIn(entry, result);
      }
      if (fragment === template.fragments[i]) continue;
      differences.push({ position: i, fragment });
      keyA = Math.imul(keyA ^ fragment.ordinal, 16777619);
      keyB = Math.imul(keyB ^ (fragment.ordinal + i), 2246822519);
    }
    const key = `${keyA >>> 0}.${keyB >>> 0}.${differences.length}`;
    const kept = entry.answers.get(key);
    let answer: BulkAnswer;
    if (differences.length === 0 && template.answer !== undefined) {
      answer = template.answer;
    } else if (kept !== undefined && sameDifferences(kept.differences, differences)) {
      entry.reused++;
      answer = kept.answer;
    } else {
      const built = fromTemplate(entry, template, differences);
      answer = this.answerOf(built.bytes, built.hash);
      if (entry.kept < KEEP_TRIAL || entry.reused * KEEP_MIN_REUSE >= entry.kept) {
        if (entry.answers.size >= MAX_KEPT_ANSWERS) entry.answers.delete(entry.answers.keys().next().value!);
        entry.answers.set(key, { differences, answer });
        entry.kept++;
      }
    }
    entry.lastBulk = { results: allKnown ? results : null, answer };
    return answer;
  }

  private answerOf(bytes: Uint8Array<ArrayBuffer>, hash: string): BulkAnswer {
    const etag = `"${hash}"`;
    return { bytes, etag, headers: this.headers.ok(etag), notModifiedHeaders: this.headers.notModified(etag) };
  }

  private fragmentOf(entry: ConfigEntry, result: EvaluationResult): Fragment {
    return this.byResult.get(result) ?? this.fragmentIn(entry, result);
  }

  private fragmentIn(entry: ConfigEntry, result: EvaluationResult): Fragment {
    const id = `${result.key}\u0000${result.variant}\u0000${result.reason}\u0000${result.metadata.experiment ?? ''}`;
    let fragment = entry.fragments.get(id);
    if (!fragment) {
      const json = JSON.stringify({ key: result.key, value: result.value, reason: result.reason, variant: result.variant, metadata: result.metadata });
      fragment = { json, bytes: encoder.encode(json), hash: hashHex(json), ordinal: entry.fragments.size };
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
      entry = { fragments: new Map(), answers: new Map(), kept: 0, reused: 0, tail, tailBytes: encoder.encode(tail) };
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

function sameDifferences(a: readonly Difference[], b: readonly Difference[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].position !== b[i].position || a[i].fragment !== b[i].fragment) return false;
  return true;
}

const BODY_HEAD = encoder.encode('{"flags":[');
const COMMA = 0x2c;

/** `{"flags":[` + the fragments, comma-separated + the tail, in one buffer: a template. */
function buildTemplate(entry: ConfigEntry, results: readonly EvaluationResult[] | null, fragments: Fragment[]): Template {
  let length = BODY_HEAD.length + Math.max(0, fragments.length - 1) + entry.tailBytes.length;
  for (const fragment of fragments) length += fragment.bytes.length;
  const body = new Uint8Array(length);
  body.set(BODY_HEAD, 0);
  const starts: number[] = new Array(fragments.length);
  const statesA = new Int32Array(fragments.length + 1);
  const statesB = new Int32Array(fragments.length + 1);
  let at = BODY_HEAD.length;
  let a = FNV_OFFSET_BASIS | 0;
  let b = LANE_B_START;
  for (let i = 0; i < fragments.length; i++) {
    if (i > 0) body[at++] = COMMA;
    starts[i] = at;
    body.set(fragments[i].bytes, at);
    at += fragments[i].bytes.length;
    statesA[i] = a;
    statesB[i] = b;
    a = fnv1a32Continue(a, fragments[i].hash);
    b = fnv1a32Continue(b, fragments[i].hash);
  }
  statesA[fragments.length] = a;
  statesB[fragments.length] = b;
  body.set(entry.tailBytes, at);
  return { results, fragments, body, starts, statesA, statesB };
}

/** The template's bytes with the differing fragments swapped in (in position order), and the ETag of the result. */
function fromTemplate(entry: ConfigEntry, template: Template, differences: readonly Difference[]): { bytes: Uint8Array<ArrayBuffer>; hash: string } {
  let length = template.body.length;
  for (const { position, fragment } of differences) length += fragment.bytes.length - template.fragments[position].bytes.length;
  const body = new Uint8Array(length);
  // `from` walks the template, `at` the new body; each copy takes the template up to the next swap.
  let from = 0;
  let at = 0;
  for (const { position, fragment } of differences) {
    const start = template.starts[position];
    body.set(template.body.subarray(from, start), at);
    at += start - from;
    body.set(fragment.bytes, at);
    at += fragment.bytes.length;
    from = start + template.fragments[position].bytes.length;
  }
  body.set(template.body.subarray(from), at);
  return { bytes: body, hash: etagFrom(entry, template, differences) };
}

/**
 * The bulk ETag: hashHex of the fragments' hashes joined in order, then the tail. Apps cache by it,
 * so the formula stays what earlier versions sent (environments-migration.test.ts holds their
 * ETags). FNV-1a runs left to right, so the hash resumes from the template's state at the first
 * position that differs instead of starting over.
 */
function etagFrom(entry: ConfigEntry, template: Template, differences: readonly Difference[]): string {
  const count = template.fragments.length;
  const first = differences.length > 0 ? differences[0].position : count;
  let a = template.statesA[first];
  let b = template.statesB[first];
  let next = 0;
  for (let i = first; i < count; i++) {
    let fragment = template.fragments[i];
    if (next < differences.length && differences[next].position === i) fragment = differences[next++].fragment;
    a = fnv1a32Continue(a, fragment.hash);
    b = fnv1a32Continue(b, fragment.hash);
  }
  return hex(fnv1a32Continue(a, entry.tail)) + hex(fnv1a32Continue(b, entry.tail));
}

// hashHex's second pass hashes the text after "\u0001".
const LANE_B_START = fnv1a32Continue(FNV_OFFSET_BASIS, '\u0001');

const hex = (state: number) => (state >>> 0).toString(16).padStart(8, '0');

/** 64 bits from two FNV-1a passes with different salts: plenty to tell two bodies apart. */
function hashHex(text: string): string {
  return hex(fnv1a32(text)) + hex(fnv1a32(`\u0001${text}`));
}
