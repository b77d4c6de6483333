import type { LoginAttemptStore } from '../types';

/**
 * Login attempt windows in a Map. Each method body runs without an await, so an increment is
 * atomic on the one JavaScript thread. Kept outside MemoryState on purpose: a transaction swaps
 * in its copy of the state when it commits, which would drop attempts counted meanwhile.
 */
export class MemoryLoginAttempts implements LoginAttemptStore {
  private readonly windows = new Map<string, { count: number; windowStartedAt: string }>();

  async hit(key: string, now: string, windowMs: number) {
    const current = this.windows.get(key);
    const expired = !current || Date.parse(current.windowStartedAt) + windowMs <= Date.parse(now);
    const next = expired ? { count: 1, windowStartedAt: now } : { ...current, count: current.count + 1 };
    this.windows.set(key, next);
    return { ...next };
  }

  async clear(key: string) {
    this.windows.delete(key);
  }

  async deleteStartedBefore(before: string) {
    let removed = 0;
    for (const [key, window] of this.windows) {
      if (window.windowStartedAt < before) {
        this.windows.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
