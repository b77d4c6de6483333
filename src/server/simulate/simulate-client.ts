import type { Experiment } from '../../shared/contract/experiments';
import type { Metric } from '../../shared/contract/metrics';
import type { PlannedEvent, SimulatedUser } from './traffic-model';

// The simulator's only way in is Switchboard's public HTTP API, like a real app and a real
// script: OFREP to evaluate, /sdk/v1/events to send, /api to read the experiment and metrics.

export class SimulationError extends Error {}

/**
 * How requests travel: the global fetch over HTTP by default; the browser mock passes the
 * in-page app's own fetch (app.request), so the same requests reach the same routes there.
 */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

const RETRIES = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the server placed a user in, read from the OFREP bulk response. */
export type Placement = { variant: string } | { variant: null; reason: string };

export class SimulationClient {
  constructor(
    private readonly url: string,
    private readonly credentials: { sdkKey?: string; token?: string },
    private readonly fetchFn: FetchFunction = (url, init) => fetch(url, init),
  ) {}

  /** fetch with retries for what a real app would retry: network errors, 429 and 5xx. */
  private async request(path: string, init: RequestInit, bearer: string | undefined): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.fetchFn(`${this.url}${path}`, { ...init, headers: { ...(bearer && { authorization: `Bearer ${bearer}` }), 'content-type': 'application/json', ...init.headers } });
        if ((response.status === 429 || response.status >= 500) && attempt < RETRIES) {
          await response.body?.cancel();
          await sleep(200 * 2 ** attempt);
          continue;
        }
        return response;
      } catch (error) {
        if (attempt >= RETRIES) throw new SimulationError(`Could not reach ${this.url}${path}: ${(error as Error).message}`);
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  private async json<T>(response: Response, what: string): Promise<T> {
    const text = await response.text();
    if (!response.ok) {
      let detail = text.slice(0, 300);
      try {
        const problem = JSON.parse(text) as { detail?: string; errors?: { path: string; message: string }[] };
        detail = [problem.detail, ...(problem.errors ?? []).slice(0, 5).map((e) => `${e.path}: ${e.message}`)].filter(Boolean).join('; ');
      } catch {
        // not JSON: keep the text
      }
      throw new SimulationError(`${what} failed with ${response.status}: ${detail}`);
    }
    return JSON.parse(text) as T;
  }

  private api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    if (!this.credentials.token) throw new SimulationError(`Reading ${path} needs an API token (--token)`);
    return this.request(path, { method, body: body === undefined ? undefined : JSON.stringify(body) }, this.credentials.token).then((r) => this.json<T>(r, `${method} ${path}`));
  }

  experiment(key: string): Promise<Experiment> {
    return this.api('GET', `/api/experiments/${encodeURIComponent(key)}`);
  }

  async metrics(): Promise<Metric[]> {
    return (await this.api<{ items: Metric[] }>('GET', '/api/metrics')).items;
  }

  /** A server key for the simulator, created with the token (needs the admin role). */
  async createSdkKey(): Promise<string> {
    const created = await this.api<{ secret: string }>('POST', '/api/sdk-keys', { name: 'Traffic simulator', kind: 'server' });
    this.credentials.sdkKey = created.secret;
    return created.secret;
  }

  /** Evaluates every flag for the user through OFREP, as an app would, and reads the experiment's variant. */
  async evaluate(user: SimulatedUser, experimentKey: string): Promise<Placement> {
    const response = await this.request('/ofrep/v1/evaluate/flags', { method: 'POST', body: JSON.stringify({ context: { targetingKey: user.targetingKey, ...user.attributes } }) }, this.credentials.sdkKey);
    const body = await this.json<{ flags: { key: string; reason?: string; variant?: string; metadata?: Record<string, unknown> }[] }>(response, 'OFREP evaluation');
    const flag = body.flags.find((f) => f.metadata?.experiment === experimentKey);
    if (!flag) return { variant: null, reason: 'not in the experiment' };
    if (flag.reason !== 'SPLIT' || !flag.variant) return { variant: null, reason: `reason ${flag.reason}` };
    return { variant: flag.variant };
  }

  /** Sends one batch; the ids make a retry after a lost answer count once. */
  async send(events: PlannedEvent[]): Promise<{ accepted: number; duplicates: number }> {
    const response = await this.request('/sdk/v1/events', { method: 'POST', body: JSON.stringify({ events }) }, this.credentials.sdkKey);
    return this.json(response, 'Sending events');
  }
}
