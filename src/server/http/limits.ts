import { parameterKeySchema } from '../../shared/contract/parameters';

// Every limit on what a caller can send or make the server keep, in one place. Client SDK keys
// ship inside apps, so whatever reaches /ofrep and /sdk may come from anyone: each request is
// bounded here at the door, and what apps can make the server store is capped. The operator
// sets the only configurable one (SDK_RATE_LIMIT_PER_MIN) in src/server/node/settings.ts.

/** /api bodies; segment id lists (up to 100,000 ids) get their own. */
export const API_MAX_BODY_BYTES = 1024 * 1024;
export const SEGMENT_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** An OFREP body is one evaluation context: a few attributes. */
export const OFREP_MAX_BODY_BYTES = 16 * 1024;
/** An event batch: at most 1,000 events. */
export const EVENTS_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What an evaluation context may hold (OFREP answers INVALID_CONTEXT beyond these). */
export const CONTEXT_LIMITS = {
  /** Attributes at the top level of the context, targetingKey included. */
  maxAttributes: 50,
  /** Characters in any attribute name, at any depth. */
  maxNameLength: 100,
  /** Characters in any string value, at any depth. */
  maxStringLength: 1000,
  /** targetingKey characters (the known-users API takes keys up to this long). */
  maxTargetingKeyLength: 200,
  /** Objects and lists nested inside the context (`{a: {b: [1]}}` is 2). */
  maxDepth: 4,
  /** Values of every kind, counted at every depth (list items and nested members included). */
  maxValues: 500,
} as const;

/** Distinct unknown flag keys kept as "requested by apps". */
export const MAX_REQUESTED_KEYS = 1000;
/** Distinct attribute names kept as "seen in contexts" (each context has at most 50; random names would pile up). */
export const MAX_OBSERVED_ATTRIBUTES = 1000;

// A UTF-16 surrogate without its pair: JSON allows it escaped, PostgreSQL text does not.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why the context breaks a limit, or null when it is within them all. */
export function contextLimitError(context: Record<string, unknown>): string | null {
  const names = Object.keys(context);
  if (names.length > CONTEXT_LIMITS.maxAttributes) return `The context has ${names.length} attributes; at most ${CONTEXT_LIMITS.maxAttributes} are accepted`;
  const key = context.targetingKey;
  if (typeof key === 'string' && key.length > CONTEXT_LIMITS.maxTargetingKeyLength) {
    return `\`targetingKey\` has ${key.length} characters; at most ${CONTEXT_LIMITS.maxTargetingKeyLength} are accepted`;
  }
  // The key is stored as text with each exposure: PostgreSQL refuses what is not valid Unicode.
  if (typeof key === 'string' && LONE_SURROGATE.test(key)) return '`targetingKey` is not valid Unicode (a lone surrogate)';
  let values = 0;
  // Iterative walk: a deeply nested context must not cost a deep recursion before it is refused.
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: context, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (path !== '' && ++values > CONTEXT_LIMITS.maxValues) return `The context holds more than ${CONTEXT_LIMITS.maxValues} values`;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return `\`${path}\` contains a NUL character`;
      if (value.length > CONTEXT_LIMITS.maxStringLength) return `\`${path}\` has ${value.length} characters; at most ${CONTEXT_LIMITS.maxStringLength} are accepted`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > CONTEXT_LIMITS.maxDepth) return `\`${path}\` is nested more than ${CONTEXT_LIMITS.maxDepth} levels deep`;
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    for (const [name, item] of entries) {
      if (name.length > CONTEXT_LIMITS.maxNameLength) return `An attribute name has ${name.length} characters; at most ${CONTEXT_LIMITS.maxNameLength} are accepted`;
      if (name.includes('\u0000')) return 'An attribute name contains a NUL character';
      stack.push({ value: item, depth: depth + 1, path: path === '' ? name : `${path}.${name}` });
    }
  }
  return null;
}

/** Whether a flag key an app asked for could be a parameter key (only those are kept as requested). */
export function isPossibleParameterKey(key: string): boolean {
  const parsed = parameterKeySchema.safeParse(key);
  return parsed.success && parsed.data === key;
}

export type LimitedBody = { ok: true; text: string } | { ok: false };

/**
 * The request body as text, or `{ok: false}` once it is over `maxBytes`: refused on
 * Content-Length before reading, and counted while reading for bodies without one (chunked), so
 * an oversized body is never held whole in memory.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!(Number(declared) <= maxBytes)) return { ok: false };
    // Node's parser reads exactly the declared length, so text() is bounded; it is also
    // @hono/node-server's fast path, which reading the stream would leave (OFREP is hot).
    const text = await request.text();
    return text.length > maxBytes ? { ok: false } : { ok: true, text };
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: chunks.length === 1 ? new TextDecoder().decode(chunks[0]) : new TextDecoder().decode(concat(chunks, size)) };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * The header to send with a refusal answered before the body was read: the unread bytes would
 * otherwise be parsed as the next request on a kept-alive connection, and the server drops it.
 */
export const CLOSE_CONNECTION = { connection: 'close' } as const;
