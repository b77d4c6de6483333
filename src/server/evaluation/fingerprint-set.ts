/**
 * How many members all the sets sharing it may hold together: the per-process cap on remembered
 * exposures (EXPOSURE_MEMORY_MAX_USERS). A set that would pass it refuses the new member.
 */
export class MembershipBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

const EMPTY_HI = 0;
const EMPTY_LO = 0;
const MAX_LOAD = 0.75;
const MIN_CAPACITY = 1024;
// Slots of the old table moved per insertion while growing. Growth starts at 0.375 x the new
// capacity and the next at 0.75 x, so 0.375 x capacity insertions must move capacity / 2 slots:
// 2 per insertion would do; 8 ends the move sooner and keeps lookups to one table most of the time.
const MOVE_PER_INSERT = 8;

/**
 * A set of strings kept as 64-bit fingerprints in one typed array (open addressing, linear
 * probing): 8 bytes a slot, 11-21 bytes a member at a load between 0.375 and 0.75, against about
 * 100 for a string in a Set. Built for the exposed users of a running experiment, millions of
 * them, on the request path:
 * - Growing never rehashes all at once (a pause of tens of ms at millions of members): the new
 *   table takes the old one's slots a few per insertion, and lookups read both meanwhile.
 * - The fingerprint is seeded per process at random, so a client cannot choose keys that pile
 *   into one probe chain. Two different keys share a fingerprint with probability about
 *   members / 2^64 per lookup (one in 1.8 billion at ten million members): such a key would be
 *   taken for a member. For sticky membership that means a user kept in an experiment they
 *   would have entered by the hash anyway unless its audience changed; accepted.
 * - A shared MembershipBudget caps the members of all sets together.
 */
export class FingerprintSet {
  /** Pairs [hi, lo]; [0, 0] is an empty slot (a fingerprint of [0, 0] is stored as [0, 1]). */
  private slots: Uint32Array;
  /** The table before the last growth, still being moved from; intact until the move ends. */
  private old: Uint32Array | null = null;
  private moved = 0;
  private count = 0;
  private hi = 0;
  private lo = 0;

  constructor(
    private readonly budget: MembershipBudget,
    expected = 0,
    private readonly seed = processSeed,
  ) {
    let capacity = MIN_CAPACITY;
    while (expected > capacity * MAX_LOAD) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the tables (what this set costs, apart from a few fields). */
  get bytes(): number {
    return this.slots.byteLength + (this.old?.byteLength ?? 0);
  }

  has(key: string): boolean {
    this.fingerprint(key);
    return this.hasFingerprint(this.hi, this.lo);
  }

  /** 'added', 'present', or 'full' when the budget is spent (nothing is stored then). */
  add(key: string): 'added' | 'present' | 'full' {
    this.fingerprint(key);
    return this.addFingerprint(this.hi, this.lo);
  }

  delete(key: string): boolean {
    this.fingerprint(key);
    return this.deleteFingerprint(this.hi, this.lo);
  }

  /** Gives this set's members back to the budget; call when dropping the set. */
  release(): void {
    this.budget.used -= this.count;
    this.count = 0;
    this.slots = new Uint32Array(MIN_CAPACITY * 2);
    this.old = null;
  }

  /** The fingerprint-level operations, public so tests can choose colliding fingerprints. */
  hasFingerprint(hi: number, lo: number): boolean {
    lo = storedLo(hi, lo);
    hi >>>= 0;
    return find(this.slots, hi, lo) >= 0 || (this.old !== null && find(this.old, hi, lo) >= 0);
  }

  addFingerprint(hi: number, lo: number): 'added' | 'present' | 'full' {
    lo = storedLo(hi, lo);
    hi >>>= 0;
    if (this.hasFingerprint(hi, lo)) return 'present';
    if (this.budget.used >= this.budget.limit) return 'full';
    if (this.count + 1 > (this.slots.length / 2) * MAX_LOAD) this.grow();
    insert(this.slots, hi, lo);
    this.count++;
    this.budget.used++;
    if (this.old) this.moveSome(MOVE_PER_INSERT);
    return 'added';
  }

  deleteFingerprint(hi: number, lo: number): boolean {
    lo = storedLo(hi, lo);
    hi >>>= 0;
    // Deletion shifts entries back within one table; finish any move first (deletions are rare:
    // a failed write), so the old table's probe chains are never disturbed while still read.
    if (this.old) this.moveSome(Infinity);
    if (!remove(this.slots, hi, lo)) return false;
    this.count--;
    this.budget.used--;
    return true;
  }

  private grow(): void {
    if (this.old) this.moveSome(Infinity);
    this.old = this.slots;
    this.moved = 0;
    this.slots = new Uint32Array(this.old.length * 2);
  }

  private moveSome(limit: number): void {
    const old = this.old!;
    const end = Math.min(old.length, this.moved + limit * 2);
    for (let i = this.moved; i < end; i += 2) {
      if (old[i] !== EMPTY_HI || old[i + 1] !== EMPTY_LO) insert(this.slots, old[i], old[i + 1]);
    }
    this.moved = end;
    if (end === old.length) this.old = null;
  }

  /**
   * Two 32-bit lanes over the key's UTF-16 code units, mixed as in cyrb53 (bryc, public domain),
   * keeping all 64 bits; into this.hi and this.lo, to allocate nothing per lookup.
   */
  private fingerprint(key: string): void {
    let h1 = 0xdeadbeef ^ this.seed;
    let h2 = 0x41c6ce57 ^ this.seed;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.hi = h2 >>> 0;
    this.lo = h1 >>> 0;
  }
}

// Web Crypto: the server also runs in a browser (mock mode), where node:crypto does not exist.
const processSeed = globalThis.crypto.getRandomValues(new Uint32Array(1))[0];

/** The low half as stored: [0, 0] marks an empty slot, so that fingerprint is kept as [0, 1]. */
const storedLo = (hi: number, lo: number) => (hi >>> 0 === EMPTY_HI && lo >>> 0 === EMPTY_LO ? 1 : lo >>> 0);

/** The home slot (an even index into the pairs) of a fingerprint: its low bits. */
const home = (table: Uint32Array, lo: number) => (lo & (table.length / 2 - 1)) * 2;

function find(table: Uint32Array, hi: number, lo: number): number {
  const mask = table.length - 1;
  for (let i = home(table, lo); ; i = (i + 2) & mask) {
    if (table[i] === hi && table[i + 1] === lo) return i;
    if (table[i] === EMPTY_HI && table[i + 1] === EMPTY_LO) return -1;
  }
}

function insert(table: Uint32Array, hi: number, lo: number): void {
  const mask = table.length - 1;
  let i = home(table, lo);
  while (table[i] !== EMPTY_HI || table[i + 1] !== EMPTY_LO) i = (i + 2) & mask;
  table[i] = hi;
  table[i + 1] = lo;
}

/** Removes by shifting later entries of the chain back (no tombstones: lookups stay short). */
function remove(table: Uint32Array, hi: number, lo: number): boolean {
  let hole = find(table, hi, lo);
  if (hole < 0) return false;
  const mask = table.length - 1;
  for (let j = (hole + 2) & mask; table[j] !== EMPTY_HI || table[j + 1] !== EMPTY_LO; j = (j + 2) & mask) {
    const k = home(table, table[j + 1]);
    // The entry at j may fill the hole unless its home lies cyclically in (hole, j].
    const stays = hole <= j ? hole < k && k <= j : hole < k || k <= j;
    if (stays) continue;
    table[hole] = table[j];
    table[hole + 1] = table[j + 1];
    hole = j;
  }
  table[hole] = EMPTY_HI;
  table[hole + 1] = EMPTY_LO;
  return true;
}
