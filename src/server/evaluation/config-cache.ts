import { compileConfig, type CompiledConfig } from '../../shared/evaluation';
import type { CoreServices } from '../services';
import type { ExposureRecorder } from './exposure-recorder';
import { loadEvaluationSegments } from './load-segments';

type ConfigCacheServices = Pick<CoreServices, 'store' | 'clock' | 'config' | 'log' | 'onConfigChanged'>;

// How often a replica asks the database whether another replica changed the configuration.
const VERSION_CHECK_INTERVAL_MS = 1000;
// From this age of the last check on, the next one runs in the background while requests keep
// answering; a request waits for a check only when none has landed within the interval.
const CHECK_AHEAD_MS = 800;
// Segments with relative dates ("in the last 7 days") move with the clock: recompile hourly.
const MAX_AGE_MS = 60 * 60 * 1000;

/**
 * The compiled configurations apps are served from, one per environment (an SDK key selects its
 * environment). Environments are few (a handful per workspace), so each keeps its own.
 */
export class ConfigCache {
  private readonly byEnvironment = new Map<string, EnvironmentConfig>();

  constructor(
    private readonly services: ConfigCacheServices,
    /** Compiled configurations answer sticky membership from it and tell it the running experiments. */
    private readonly exposures: ExposureRecorder,
  ) {}

  private of(environmentId: string): EnvironmentConfig {
    let config = this.byEnvironment.get(environmentId);
    if (!config) this.byEnvironment.set(environmentId, (config = new EnvironmentConfig(this.services, this.exposures, environmentId)));
    return config;
  }

  /** See EnvironmentConfig.ready. */
  ready(environmentId: string): CompiledConfig | null {
    return this.byEnvironment.get(environmentId)?.ready() ?? null;
  }

  get(environmentId: string): Promise<CompiledConfig> {
    return this.of(environmentId).get();
  }
}

/**
 * One environment's compiled configuration. Local writes drop it at once; changes made by other
 * replicas are noticed by a cheap version check at most once a second: every answer comes from a
 * check (or load) that started within the last second.
 */
class EnvironmentConfig {
  private compiled: Promise<CompiledConfig> | null = null;
  /** What `compiled` resolved to, for callers that must not wait (null while loading). */
  private loaded: CompiledConfig | null = null;
  /** The workspace counter each compiled configuration was loaded at. */
  private readonly checkedVersion = new WeakMap<CompiledConfig, number>();
  /** When the last version check that landed (or the current load) started. */
  private lastCheck = 0;
  private checking: Promise<void> | null = null;
  private recompiling = false;

  constructor(
    private readonly services: ConfigCacheServices,
    private readonly exposures: ExposureRecorder,
    private readonly environmentId: string,
  ) {
    services.onConfigChanged(() => {
      this.compiled = null;
      this.loaded = null;
    });
  }

  /**
   * The compiled configuration without waiting, when it is loaded and checked within the
   * interval (starting the next check in the background when it is nearly due); otherwise null
   * (then call `get`). Answers exactly what `get` would at this moment.
   */
  ready(): CompiledConfig | null {
    if (this.loaded === null) return null;
    const age = Date.now() - this.lastCheck;
    // The sole writer learns of every change from its own writes: a check still runs (it finds
    // nothing new), but a request never waits for it behind a long statement of the database.
    if (age > VERSION_CHECK_INTERVAL_MS && !this.services.config.soleWriter) return null;
    if (age > CHECK_AHEAD_MS && this.checking === null) this.check().catch((error) => this.services.log('Could not check the configuration version', error));
    return this.loaded;
  }

  async get(): Promise<CompiledConfig> {
    if (this.compiled && Date.now() - this.lastCheck > VERSION_CHECK_INTERVAL_MS && !this.services.config.soleWriter) await this.check();
    if (!this.compiled) {
      this.lastCheck = Date.now();
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

  /** Compares the stored version with the compiled one (one query for all callers at a time). */
  private check(): Promise<void> {
    this.checking ??= (async () => {
      try {
        const started = Date.now();
        const compiled = this.compiled;
        const [current, stored] = await Promise.all([compiled, this.services.store.configVersion.get()]);
        // Dropped or replaced meanwhile (a local write): the next load reads the version itself.
        if (compiled === null || current === null || this.compiled !== compiled) return;
        const age = this.services.clock.now().getTime() - current.compiledAt.getTime();
        if (stored !== this.checkedVersion.get(current)) {
          this.compiled = null;
          this.loaded = null;
        } else {
          this.lastCheck = started;
          if (age > MAX_AGE_MS) this.recompile(compiled);
        }
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  /** Compiles again for the clock (relative dates in segments), answering from the old one meanwhile. */
  private recompile(current: Promise<CompiledConfig>): void {
    if (this.recompiling) return;
    this.recompiling = true;
    const loading = this.load();
    loading
      .then((config) => {
        if (this.compiled !== current) return; // dropped or replaced meanwhile
        this.compiled = loading;
        this.loaded = config;
      })
      .catch((error) => this.services.log('Could not recompile the configuration', error))
      .finally(() => (this.recompiling = false));
  }

  private async load(): Promise<CompiledConfig> {
    const { store } = this.services;
    // Read the versions first: a change racing with the load then shows up as a newer version.
    const [version, delivered] = await Promise.all([store.configVersion.get(), store.configVersion.getFor(this.environmentId)]);
    const [parameters, segments, experiments] = await Promise.all([
      store.parameters.listActive(this.environmentId),
      loadEvaluationSegments(store),
      store.experiments.list(['draft', 'scheduled', 'running', 'paused'], this.environmentId),
    ]);
    const { exposures } = this;
    // Apps see the environment's version (it moves only when their answers may change); the
    // workspace counter is what tells this cache that something, somewhere, changed.
    const config = compileConfig({ version: delivered, parameters, segments, experiments, wasExposed: exposures.wasExposed, compiledAt: this.services.clock.now() });
    this.checkedVersion.set(config, version);
    exposures.track(this.environmentId, config.runningExperiments);
    return config;
  }
}
