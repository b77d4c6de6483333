import { compileConfig, type CompiledConfig } from '../../shared/evaluation';
import type { Services } from '../services';
import { loadEvaluationSegments } from './load-segments';

// How often a replica asks the database whether another replica changed the configuration.
const VERSION_CHECK_INTERVAL_MS = 1000;
// Segments with relative dates ("in the last 7 days") move with the clock: recompile hourly.
const MAX_AGE_MS = 60 * 60 * 1000;

/**
 * The compiled configuration apps are served from. Local writes drop it at once; changes made by
 * other replicas are noticed by a cheap version check at most once a second.
 */
export class ConfigCache {
  private compiled: Promise<CompiledConfig> | null = null;
  /** What `compiled` resolved to, for callers that must not wait (null while loading). */
  private loaded: CompiledConfig | null = null;
  private lastCheck = 0;

  constructor(private readonly services: Services) {
    services.onConfigChanged(() => {
      this.compiled = null;
      this.loaded = null;
    });
  }

  /**
   * The compiled configuration without waiting, when it is loaded and no version check is due;
   * otherwise null (then call `get`). Answers exactly what `get` would at this moment.
   */
  ready(): CompiledConfig | null {
    return this.loaded !== null && Date.now() - this.lastCheck <= VERSION_CHECK_INTERVAL_MS ? this.loaded : null;
  }

  async get(): Promise<CompiledConfig> {
    const now = Date.now();
    if (this.compiled && now - this.lastCheck > VERSION_CHECK_INTERVAL_MS) {
      this.lastCheck = now;
      const [current, stored] = await Promise.all([this.compiled, this.services.store.configVersion.get()]);
      const age = this.services.clock.now().getTime() - current.compiledAt.getTime();
      if (stored !== current.version || age > MAX_AGE_MS) {
        this.compiled = null;
        this.loaded = null;
      }
    }
    if (!this.compiled) {
      this.lastCheck = now;
      const loading = this.load();
      this.compiled = loading;
      loading.then(
        (config) => {
          if (this.compiled === loading) this.loaded = config;
        },
        () => {
          if (this.compiled === loading) this.compiled = null;
        },
      );
    }
    return this.compiled;
  }

  private async load(): Promise<CompiledConfig> {
    const { store } = this.services;
    // Read the version first: a change racing with the load then shows up as a newer version.
    const version = await store.configVersion.get();
    const [parameters, segments, experiments] = await Promise.all([
      store.parameters.listActive(),
      loadEvaluationSegments(store),
      store.experiments.list(['draft', 'scheduled', 'running', 'paused']),
    ]);
    const { exposures } = this.services;
    const config = compileConfig({ version, parameters, segments, experiments, wasExposed: exposures.wasExposed, compiledAt: this.services.clock.now() });
    exposures.track(config.runningExperiments);
    return config;
  }
}
