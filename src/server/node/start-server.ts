import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp, type SwitchboardApp } from '../app';
import { bootstrapAdmin } from '../modules/auth/auth-service';
import type { Store } from '../store/types';
import { clientAddressResolver } from './client-address';
import { openStore } from './open-store';
import { nodePasswordHasher } from './password-node';
import type { Settings } from './settings';
import { runDueExperiments } from '../modules/experiments/experiment-scheduler';
import { runDueChangeRequests } from '../modules/change-requests/publishing';
import { deliverWebhooks } from '../modules/webhooks/delivery';
import { runRolloutChecks } from '../modules/rollouts/rollout-monitor';
import { runAutoShip } from '../modules/experiments/auto-ship';
import { refreshRunningRollups } from '../modules/results/result-rollups';
import { inlineScriptHashes, serveDashboard } from './static-dashboard';
import { compressApi } from './compress-api';

export interface RunningServer {
  app: SwitchboardApp;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/** Opens the database (unless given one opening), migrates, creates the first admin if asked, and listens. */
export async function startServer(settings: Settings, opening?: Promise<Store>): Promise<RunningServer> {
  const store = await (opening ?? openStore(settings));
  const clientAddress = clientAddressResolver(settings.trustProxy);
  const app = createApp({
    store,
    passwords: nodePasswordHasher,
    config: {
      secureCookies: settings.secureCookies,
      sdkRateLimitPerMin: settings.sdkRateLimitPerMin,
      eventsRetentionDays: settings.eventsRetentionDays,
      exposureMemoryMaxUsers: settings.exposureMemoryMaxUsers,
      // One process opens the embedded database: no other replica can change what it holds.
      soleWriter: store.kind === 'pglite',
    },
    clientKey: (c) => clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for')),
    dashboard: serveDashboard(settings.dashboardDir),
    dashboardScriptHashes: await inlineScriptHashes(settings.dashboardDir),
    apiCompression: compressApi(),
  });
  if (settings.adminEmail && settings.adminPassword) {
    if (settings.adminPassword.length < 12) throw new Error('ADMIN_PASSWORD must have at least 12 characters');
    if (await bootstrapAdmin(app.services, settings.adminEmail, settings.adminPassword)) {
      console.log(`Created the first admin ${settings.adminEmail}`);
    }
  }
  const server: ServerType = await new Promise((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, () => resolveServer(s));
  });
  // Known users are also written on a timer, so a quiet app's last visitors are not left waiting.
  const flushTimer = setInterval(() => {
    void app.services.knownUsers.flush();
    void app.services.exposures.flush();
  }, 2000);
  flushTimer.unref();
  // Scheduled starts and ends, and scheduled publishes; the job locks make replicas take turns,
  // and state is in the database. Shutdown lets the runs in flight finish before it closes it.
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  const job = (work: Promise<unknown>, failure: string) => {
    const done = work.then(
      () => {},
      (error) => app.services.log(failure, error),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  const runScheduled = () => {
    job(runDueExperiments(app.services), 'The experiment scheduler failed');
    job(runDueChangeRequests(app.services), 'Publishing scheduled change requests failed');
    job(deliverWebhooks(app.services), 'Delivering webhooks failed');
    job(runRolloutChecks(app.services), 'Checking guarded rollouts failed');
    job(runAutoShip(app.services), 'Auto-shipping experiment winners failed');
  };
  const schedulerTimer = setInterval(runScheduled, settings.schedulerIntervalMs);
  schedulerTimer.unref();
  // Results rollups follow the events in the background; one refresh at a time, and after a long
  // one the next waits four times as long: on the embedded database every statement shares one
  // connection, so a refresh must never hold it most of the time (event ingestion and health wait).
  let refreshing = false;
  let nextRefreshAt = 0;
  const rollupTimer = setInterval(() => {
    if (refreshing || Date.now() < nextRefreshAt) return;
    refreshing = true;
    const started = Date.now();
    refreshRunningRollups(app.services)
      // A refresh cut short by shutdown rolls back (the next start redoes it): not worth a log line.
      .catch((error) => closing || app.services.log('Refreshing results rollups failed', error))
      .finally(() => {
        refreshing = false;
        nextRefreshAt = Date.now() + 4 * (Date.now() - started);
      });
  }, settings.rollupIntervalMs);
  rollupTimer.unref();
  // Behavioural segments: users' behaviour follows the events every second (and after a segment save).
  app.services.behaviour.start();
  runScheduled();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  return {
    app,
    store,
    url: `http://${settings.host}:${port}`,
    async close() {
      closing = true;
      clearInterval(flushTimer);
      clearInterval(schedulerTimer);
      clearInterval(rollupTimer);
      await Promise.all(inFlight);
      await app.services.behaviour.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await app.services.knownUsers.flush();
      await app.services.exposures.flush();
      await store.close();
    },
  };
}
