import { createApp } from '../src/server/app';
import { computeReach } from '../src/server/modules/audiences/reach-service';
import { nodePasswordHasher } from '../src/server/node/password-node';
import { MemoryStore } from '../src/server/store/memory/memory-store';
import type { SegmentDefinition } from '../src/shared/contract/segments';
import { seededRandom as createSeededRandom } from '../src/shared/seeded-random';

const KNOWN_USERS = 1_000_000;

/** Reach over 1,000,000 known users: exact counting of a 100,000 sample plus the cold load. */
export async function reachBench(): Promise<void> {
  const store = new MemoryStore();
  const app = createApp({ store, passwords: nodePasswordHasher, log: () => {} });
  const random = createSeededRandom(11);
  const lastSeenAt = new Date().toISOString();
  const countries = ['CA', 'US', 'FR', 'DE'];
  for (let i = 0; i < KNOWN_USERS; i++) {
    store.state.knownUsers.set(`user-${i}`, {
      targetingKey: `user-${i}`,
      attributes: { country: countries[Math.floor(random() * 4)], age: Math.floor(13 + random() * 60), appVersion: `5.${Math.floor(random() * 5)}.0` },
      lastSeenAt,
    });
  }
  const definition: SegmentDefinition = {
    kind: 'rules',
    builder: {
      type: 'group',
      combinator: 'and',
      children: [
        { type: 'rule', attribute: 'country', kind: 'text', operator: 'isOneOf', value: ['CA', 'US'] },
        { type: 'rule', attribute: 'age', kind: 'number', operator: 'lt', value: 30 },
        { type: 'rule', attribute: 'appVersion', kind: 'version', operator: 'gte', value: '5.2.0' },
      ],
    },
  };
  const timed = async () => {
    const started = performance.now();
    const reach = await computeReach(app.services, app.services.userSample, definition);
    return { ms: performance.now() - started, reach };
  };
  const cold = await timed();
  const warm = await timed();
  console.log(`\nReach over ${KNOWN_USERS.toLocaleString('en')} known users (memory store; a 100,000 sample is counted exactly)`);
  console.log(`  first answer (loads the sample)  ${cold.ms.toFixed(0).padStart(5)} ms`);
  console.log(`  while editing (sample cached)    ${warm.ms.toFixed(0).padStart(5)} ms   target < 500 ms: ${warm.ms < 500 ? 'met' : 'NOT met'}`);
  console.log(`  estimate ${warm.reach.matched.toLocaleString('en')} ± ${warm.reach.margin.toLocaleString('en')} of ${warm.reach.total.toLocaleString('en')} (true share 0.5 × 17/60 × 0.6 ≈ 8.5%, measured ${(warm.reach.share * 100).toFixed(1)}%)`);
}
