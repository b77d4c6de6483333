import { seededRandom } from '../../seeded-random';

/** Deterministic pseudo-random source for differential tests (mulberry32). */
export class Random {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Picks a generator by weight: [[weight, make], ...]. */
  weighted<T>(options: readonly [number, () => T][]): T {
    let total = 0;
    for (const [w] of options) total += w;
    let r = this.next() * total;
    for (const [w, make] of options) {
      r -= w;
      if (r < 0) return make();
    }
    return options[options.length - 1][1]();
  }

  /** A string of 0..maxLen units drawn from the given pieces (which may be surrogate pairs). */
  string(pieces: readonly string[], maxLen: number): string {
    let s = '';
    const n = this.int(maxLen + 1);
    for (let i = 0; i < n; i++) s += this.pick(pieces);
    return s;
  }
}
