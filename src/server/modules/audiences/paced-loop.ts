/**
 * A long loop on the server's only thread, run in slices so request handling (OFREP above all)
 * interleaves with it, and stopped when its budget runs out. Works in Node and in the browser
 * mock alike: no worker, just yields to the event loop.
 */

export interface WorkBudget {
  /** Time spent inside the loop's slices, in ms: the thread time one request may take. */
  maxWorkMs: number;
  /** Time from start to the last slice, in ms, pauses included: how long the caller waits at most. */
  maxWallMs: number;
}

export interface PacedLoopOptions {
  budget: WorkBudget;
  /** Milliseconds; tests pass a counter to make slicing and the budget deterministic. */
  clock?: () => number;
  /** Gives the event loop a turn; tests count these. */
  yieldToLoop?: () => Promise<void>;
  /** Waits `ms` (after a slice that overran); defaults to a timer. */
  pause?: (ms: number) => Promise<void>;
  /** The caller went away (the builder asks again on every change): stop at the next slice. */
  signal?: AbortSignal;
}

export interface PacedLoopResult {
  /** Items visited, from the first: a prefix. */
  visited: number;
  /** True when the budget ran out (or the signal aborted) before the items did, or before `visit` said stop. */
  outOfBudget: boolean;
}

/** Work between yields: short enough that a request arriving meanwhile waits a few ms at most. */
export const SLICE_MS = 3;
/**
 * A slice longer than twice SLICE_MS means one item alone cost that much (a hostile pattern on a
 * long value can cost 10-20 ms per test). Such a slice cannot be split, so the loop then stays
 * away PAUSE_FACTOR times as long: it holds the thread about 1/(1 + PAUSE_FACTOR) of the time,
 * and only that share of requests can land behind one of its long slices.
 */
export const PAUSE_FACTOR = 30;

const setImmediateOrNull = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;

/** setImmediate where there is one (Node: runs after pending I/O, without the 1 ms timer floor), else a 0 ms timer. */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (setImmediateOrNull ? setImmediateOrNull(() => resolve()) : setTimeout(resolve, 0)));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `visit(0)`, `visit(1)`, … up to `count - 1` or until it returns false, yielding to the
 * event loop every SLICE_MS of work and stopping when the budget is spent.
 */
export async function pacedLoop(count: number, visit: (index: number) => boolean, options: PacedLoopOptions): Promise<PacedLoopResult> {
  const clock = options.clock ?? (() => performance.now());
  const yieldToLoop = options.yieldToLoop ?? yieldToEventLoop;
  const pause = options.pause ?? sleep;
  const started = clock();
  let work = 0;
  let index = 0;
  while (index < count) {
    const sliceStart = clock();
    let now = sliceStart;
    // The clock is read after every item: one hostile test can take milliseconds.
    do {
      if (!visit(index++)) return { visited: index, outOfBudget: false };
      now = clock();
    } while (index < count && now - sliceStart < SLICE_MS);
    const slice = now - sliceStart;
    work += slice;
    if (index >= count) break;
    if (work >= options.budget.maxWorkMs || now - started >= options.budget.maxWallMs || options.signal?.aborted) return { visited: index, outOfBudget: true };
    // A pause never runs past the deadline: the caller gets its answer within maxWallMs.
    const left = options.budget.maxWallMs - (now - started);
    await (slice > 2 * SLICE_MS ? pause(Math.min(slice * PAUSE_FACTOR, left)) : yieldToLoop());
  }
  return { visited: index, outOfBudget: false };
}

/** `map` over a large array in slices (building 100,000 contexts takes tens of ms). */
export async function pacedMap<T, U>(items: readonly T[], map: (item: T) => U, yieldToLoop = yieldToEventLoop): Promise<U[]> {
  const out = new Array<U>(items.length);
  await pacedLoop(items.length, (i) => ((out[i] = map(items[i])), true), { budget: { maxWorkMs: Infinity, maxWallMs: Infinity }, yieldToLoop });
  return out;
}
