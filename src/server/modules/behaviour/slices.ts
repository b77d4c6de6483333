/** Rows applied between two yields of the thread: ~10-20 ms of work, so OFREP answers in between. */
export const SLICE_ROWS = 10_000;

const yieldThread: (fn: () => void) => void = globalThis.setImmediate ?? ((fn) => setTimeout(fn, 0));

/** Lets requests in (setImmediate: no timer's minimum delay). */
export const breather = (): Promise<void> => new Promise((resolve) => yieldThread(resolve));

/** Applies every row, yielding the thread after each SLICE_ROWS. */
export async function inSlices<T>(rows: readonly T[], apply: (row: T) => void): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    apply(rows[i]);
    if ((i + 1) % SLICE_ROWS === 0) await breather();
  }
}
