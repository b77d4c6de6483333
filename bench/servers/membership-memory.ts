import { FingerprintSet, MembershipBudget } from '../../src/server/evaluation/fingerprint-set';

// Run with --expose-gc by the soak bench: the heap bytes a remembered user costs in each structure,
// keyed as the soak keys them. Set<string> and Map<string, number> are what the exposure recorder
// and the known-users recorder held before fingerprints; FingerprintSet is what they hold now.
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const keyOf = (i: number) => `soak-Switchboard-${i}`;

function bytesPerUser(users: number, build: () => unknown): number {
  // The keys are made inside the measured span, as requests make them, and dropped but for what the structure keeps.
  gc!();
  const before = process.memoryUsage();
  const held = build();
  gc!();
  const after = process.memoryUsage();
  const bytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  if (!held) throw new Error('unreachable');
  return bytes / users;
}

const measure = (users: number) => ({
  users,
  set: bytesPerUser(users, () => {
    const set = new Set<string>();
    for (let i = 0; i < users; i++) set.add(keyOf(i));
    return set;
  }),
  map: bytesPerUser(users, () => {
    const map = new Map<string, number>();
    for (let i = 0; i < users; i++) map.set(`env-id-0000\u0000${keyOf(i)}`, Date.now() + Math.random());
    return map;
  }),
  fingerprints: bytesPerUser(users, () => {
    const set = new FingerprintSet(new MembershipBudget(Number.MAX_SAFE_INTEGER));
    for (let i = 0; i < users; i++) set.add(keyOf(i));
    return set;
  }),
});
// The soak's users (90 s at 2,000 a second), and a million.
process.stdout.write(`${JSON.stringify([measure(180_000), measure(1_000_000)])}\n`);
