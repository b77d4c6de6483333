import { AppError } from '../../lib/errors';

/**
 * At most `running` reach computations at a time in this process, `waiting` more queued in
 * order; beyond that a 429 with Retry-After. Each computation is bounded by its budget, so a
 * queued one waits a bounded time, and a burst of viewers cannot stack up work on the thread.
 */
export class ReachGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly running: number,
    readonly waiting: number,
    /** Seconds a refused caller is told to wait: about one computation's longest run. */
    private readonly retryAfterSeconds: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) {
        throw new AppError(429, 'Too many reach computations', `The server is already counting reach for ${this.active + this.queue.length} requests; try again shortly.`, undefined, {
          'retry-after': String(this.retryAfterSeconds),
        });
      }
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line (active stays the same), or free it.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Computations running and queued (for tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.queue.length };
  }
}
