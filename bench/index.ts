import { engineBench } from './engine-bench';
import { eventsBench } from './events-bench';
import { ofrepBench } from './ofrep-bench';
import { ofrepExperimentsBench } from './ofrep-experiments-bench';
import { reachBench } from './reach-bench';
import { resultsBench } from './results-bench';

// `npm run bench`: figures printed beside a reference measured in the same run; never asserted in tests.
// Pick benchmarks with BENCH=ofrep,... (default: all).
const ofrepBackground = async () => (await import('./ofrep-background-bench')).ofrepBackgroundBench();
const benches: Record<string, () => Promise<void>> = {
  // The OFREP figures alone, then again while the database works on a 1M-user experiment.
  ofrep: async () => {
    await ofrepBench();
    if (process.env.BENCH_BACKGROUND !== '0') await ofrepBackground();
  },
  'ofrep-background': ofrepBackground,
  engine: engineBench,
  reach: reachBench,
  events: eventsBench,
  results: resultsBench,
  'ofrep-experiments': ofrepExperimentsBench,
  'results-page': async () => (await import('./results-page-bench')).resultsPageBench(),
  'ofrep-reach': async () => (await import('./ofrep-reach-bench')).ofrepReachBench(),
  lighthouse: async () => (await import('./lighthouse-bench')).lighthouseBench(),
  startup: async () => (await import('./startup-bench')).startupBench(),
  repros: async () => (await import('./hardening-repros')).hardeningRepros(),
  soak: async () => (await import('./soak-bench')).soakBench(),
  'ofrep-behaviour': async () => (await import('./ofrep-behaviour-bench')).ofrepBehaviourBench(),
  behaviour: async () => (await import('./behaviour-bench')).behaviourBench(),
};

// By default every benchmark once: 'ofrep' already includes 'ofrep-background'.
const selected = process.env.BENCH?.split(',') ?? Object.keys(benches).filter((name) => name !== 'ofrep-background');
for (const name of selected) {
  const bench = benches[name.trim()];
  if (!bench) throw new Error(`Unknown benchmark ${name}; choose from ${Object.keys(benches).join(', ')}`);
  await bench();
}
