import { GrowthBookClient } from '@growthbook/growthbook';
import type { Parameter } from '../src/shared/contract/parameters';
import { compileConfig, evaluateAll, type EvaluationContext } from '../src/shared/evaluation';
import type { Condition } from '../src/shared/targeting';
import { seededRandom as createSeededRandom } from '../src/shared/seeded-random';

const PARAMETERS = 200;
const RULES = 50;
const USERS = 10_000;

const countries = ['CA', 'US', 'FR', 'DE', 'JP', 'BR'];
const platforms = ['ios', 'android', 'web'];

/** 50 rules over text, number, version and list attributes, like a busy workspace's. */
function ruleCondition(i: number): Condition {
  switch (i % 5) {
    case 0:
      return { country: { $exists: true, $eq: countries[i % countries.length] } };
    case 1:
      return { $and: [{ platform: { $exists: true, $eq: platforms[i % 3] } }, { appVersion: { $exists: true, $vgte: `5.${i % 4}.0` } }] };
    case 2:
      return { age: { $exists: true, $lt: 18 + (i % 30) } };
    case 3:
      return { $or: [{ premium: { $exists: true, $eq: true } }, { country: { $exists: true, $in: ['CA', 'US'] } }] };
    default:
      return { tags: { $exists: true, $in: ['vip', `cohort-${i % 7}`] } };
  }
}

function parameters(): Parameter[] {
  return Array.from({ length: PARAMETERS }, (_, i) => ({
    id: `p${i}`,
    environmentId: 'production',
    key: `param_${i}`,
    name: `Parameter ${i}`,
    description: '',
    tags: [],
    spec: { type: 'string' },
    defaultValue: `default ${i}`,
    killed: false,
    rules: i < RULES ? [{ id: `r${i}`, description: '', audience: { kind: 'condition', condition: ruleCondition(i) }, value: `targeted ${i}`, rollout: i % 2 ? 50 : 100, enabled: true }] : [],
    archivedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: null,
  }));
}

function users(): EvaluationContext[] {
  const random = createSeededRandom(7);
  return Array.from({ length: USERS }, (_, i) => ({
    targetingKey: `user-${i}`,
    country: countries[Math.floor(random() * countries.length)],
    platform: platforms[Math.floor(random() * 3)],
    appVersion: `${4 + Math.floor(random() * 3)}.${Math.floor(random() * 5)}.${Math.floor(random() * 10)}`,
    ...(random() < 0.8 && { age: Math.floor(13 + random() * 60) }),
    premium: random() < 0.2,
    tags: random() < 0.3 ? ['vip'] : [`cohort-${Math.floor(random() * 7)}`],
  }));
}

/** The same rules as GrowthBook features: a force rule with the condition (and coverage for rollouts). */
function growthBookFeatures(params: Parameter[]) {
  return Object.fromEntries(
    params.map((p) => [
      p.key,
      {
        defaultValue: p.defaultValue,
        rules: p.rules.map((r) => ({
          condition: r.audience.kind === 'condition' ? r.audience.condition : {},
          force: r.value,
          ...(r.rollout < 100 && { coverage: r.rollout / 100, hashAttribute: 'targetingKey', seed: `${p.key}.${r.id}`, hashVersion: 2 }),
        })),
      },
    ]),
  );
}

function timeIt(run: () => void, minMs = 1500): number {
  run();
  let rounds = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    run();
    rounds++;
  }
  return (performance.now() - started) / rounds;
}

/** Evaluations per second: Switchboard's engine vs @growthbook/growthbook on the same rules. */
export async function engineBench(): Promise<void> {
  const params = parameters();
  const contexts = users();
  const config = compileConfig({ version: 1, parameters: params, segments: [], compiledAt: new Date() });
  const client = new GrowthBookClient().initSync({ payload: { features: growthBookFeatures(params) } });
  const keys = params.map((p) => p.key);

  const oursMs = timeIt(() => {
    for (const context of contexts) evaluateAll(config, context);
  });
  const theirsMs = timeIt(() => {
    for (const context of contexts) {
      const userContext = { attributes: context };
      for (const key of keys) client.getFeatureValue(key, null, userContext);
    }
  });
  const perSecond = (ms: number) => ((USERS * PARAMETERS) / ms) * 1000;
  console.log(`\nEvaluation engine: ${PARAMETERS} parameters, ${RULES} rules, ${USERS.toLocaleString('en')} users`);
  console.log(`  @growthbook/growthbook 1.8   ${(perSecond(theirsMs) / 1e6).toFixed(2).padStart(7)} M parameter evaluations/s (${theirsMs.toFixed(0)} ms per pass)`);
  console.log(`  Switchboard engine           ${(perSecond(oursMs) / 1e6).toFixed(2).padStart(7)} M parameter evaluations/s (${oursMs.toFixed(0)} ms per pass)`);
  const ratio = theirsMs / oursMs;
  console.log(`  ${ratio.toFixed(1)}x GrowthBook (target >= 2x): ${ratio >= 2 ? 'met' : 'NOT met'}`);
}
