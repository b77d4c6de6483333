import { GrowthBookClient } from '@growthbook/growthbook';
import type { Experiment } from '../src/shared/contract/experiments';
import type { Parameter } from '../src/shared/contract/parameters';
import { compileConfig, evaluateAll, type EvaluationContext } from '../src/shared/evaluation';
import type { Condition } from '../src/shared/targeting';
import { seededRandom as createSeededRandom } from '../src/shared/seeded-random';

const PARAMETERS = 200;
const RULES = 50;
const EXPERIMENTS = 10;
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

/** PARAMETERS parameters, the first `ruleCount` with a targeting rule. */
function parameters(ruleCount: number): Parameter[] {
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
    rules: i < ruleCount ? [{ id: `r${i}`, description: '', audience: { kind: 'condition', condition: ruleCondition(i) }, value: `targeted ${i}`, rollout: i % 2 ? 50 : 100, enabled: true }] : [],
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
function growthBookFeatures(params: Parameter[]): Record<string, { defaultValue: unknown; rules: object[] }> {
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

/** Running experiments, each overriding three parameters for an audience, half of them on part of the traffic. */
function experiments(): Experiment[] {
  const at = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: EXPERIMENTS }, (_, i) => ({
    id: `e${i}`, environmentId: 'production', key: `experiment_${i}`, name: `Experiment ${i}`, hypothesis: '', owner: '', tags: [], status: 'running',
    audience: i % 3 === 0 ? { kind: 'everyone' } : { kind: 'condition', condition: ruleCondition(i) },
    stickyMembership: false, allocation: i % 2 ? 50 : 100, seed: `seed-${i}`,
    variants: ['control', 'b', 'c'].map((key, v) => ({
      key, name: key, weight: v === 0 ? 34 : 33,
      overrides: v === 0 ? {} : Object.fromEntries([0, 1, 2].map((k) => [`param_${i * 15 + k * 5}`, `${key} ${i}.${k}`])),
    })),
    metrics: { primary: null, secondary: [], guardrails: [] }, startAt: null, endAt: null, layer: null, layerRange: null,
    testUsers: [], startedAt: at, endedAt: null, promotion: null, version: 1, createdAt: at, updatedAt: at, updatedBy: null,
  }));
}

/** The same experiments as GrowthBook experiment rules, placed before each parameter's own rules (earliest start first, as ours). */
function growthBookExperimentRules(list: Experiment[], params: Parameter[]) {
  const byKey = new Map(params.map((p) => [p.key, p]));
  const rules = new Map<string, object[]>();
  for (const e of list) {
    const touched = new Set(e.variants.flatMap((v) => Object.keys(v.overrides)));
    for (const key of touched) {
      const defaultValue = byKey.get(key)!.defaultValue;
      rules.set(key, [
        ...(rules.get(key) ?? []),
        {
          key: e.key,
          condition: e.audience.kind === 'condition' ? e.audience.condition : {},
          variations: e.variants.map((v) => (key in v.overrides ? v.overrides[key] : defaultValue)),
          weights: e.variants.map((v) => v.weight / 100),
          coverage: e.allocation / 100,
          hashAttribute: 'targetingKey',
          seed: e.seed,
          hashVersion: 2,
        },
      ]);
    }
  }
  return rules;
}

interface Scenario {
  title: string;
  params: Parameter[];
  experiments: Experiment[];
}

/** One scenario timed on both engines; the answers are compared for 1,000 users first (the same values, or the bench stops). */
function compare({ title, params, experiments: list }: Scenario, contexts: EvaluationContext[]): number {
  const config = compileConfig({ version: 1, parameters: params, segments: [], experiments: list, compiledAt: new Date() });
  const features = growthBookFeatures(params);
  for (const [key, rules] of growthBookExperimentRules(list, params)) features[key].rules.unshift(...rules);
  const client = new GrowthBookClient().initSync({ payload: { features } });
  const keys = params.map((p) => p.key);

  let split = 0;
  for (const context of contexts.slice(0, 1000)) {
    for (const ours of evaluateAll(config, context)) {
      const theirs = client.getFeatureValue(ours.key, null, { attributes: context });
      if (JSON.stringify(theirs) !== JSON.stringify(ours.value)) {
        throw new Error(`The engines disagree on ${ours.key} for ${context.targetingKey}: ${JSON.stringify(ours.value)} vs ${JSON.stringify(theirs)}`);
      }
      if (ours.reason === 'SPLIT' && ours.metadata.experiment) split++;
    }
  }

  const oursMs = timeIt(() => {
    for (const context of contexts) evaluateAll(config, context);
  });
  const theirsMs = timeIt(() => {
    for (const context of contexts) {
      const userContext = { attributes: context };
      for (const key of keys) client.getFeatureValue(key, null, userContext);
    }
  });
  const perSecond = (ms: number) => ((USERS * params.length) / ms) * 1000;
  console.log(`\nEvaluation engine: ${title}, ${USERS.toLocaleString('en')} users (both engines give the same values to the first 1,000${list.length ? `; ${(split / 1000).toFixed(1)} experiment values per user` : ''})`);
  console.log(`  @growthbook/growthbook 1.8   ${(perSecond(theirsMs) / 1e6).toFixed(2).padStart(7)} M parameter evaluations/s (${theirsMs.toFixed(0)} ms per pass)`);
  console.log(`  Switchboard engine           ${(perSecond(oursMs) / 1e6).toFixed(2).padStart(7)} M parameter evaluations/s (${oursMs.toFixed(0)} ms per pass)`);
  return theirsMs / oursMs;
}

/** Evaluations per second: Switchboard's engine vs @growthbook/growthbook on the same rules and experiments. */
export async function engineBench(): Promise<void> {
  const contexts = users();
  const rulesOnly = compare({ title: `${PARAMETERS} parameters, ${RULES} rules`, params: parameters(RULES), experiments: [] }, contexts);
  console.log(`  ${rulesOnly.toFixed(1)}x GrowthBook (target >= 2x): ${rulesOnly >= 2 ? 'met' : 'NOT met'}`);
  const busy = compare(
    { title: `${PARAMETERS} parameters, a rule on every one, ${EXPERIMENTS} running experiments`, params: parameters(PARAMETERS), experiments: experiments() },
    contexts,
  );
  console.log(`  ${busy.toFixed(1)}x GrowthBook (target >= 3x): ${busy >= 3 ? 'met' : 'NOT met'}`);
}
