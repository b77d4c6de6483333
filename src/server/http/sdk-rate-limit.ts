/**
 * Requests per SDK key, as a token bucket per key in this process's memory: each key may spend a
 * minute's allowance at once, and it refills continuously. With several replicas each applies the
 * limit to what it receives. Keyed by the SDK key's id, so only authenticated keys hold a bucket
 * and the map stays as small as the list of keys.
 */
export class SdkRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  /** `perMinute` 0 turns the limit off. `now` is injectable so tests move time without sleeping. */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** 0 when the request may proceed (and spends a token), else the whole seconds to wait. */
  take(keyId: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(keyId);
    if (!bucket) {
      this.buckets.set(keyId, { tokens: this.perMinute - 1, at: now });
      return 0;
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
  }
}
