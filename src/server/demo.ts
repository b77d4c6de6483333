import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomToken } from './lib/crypto';
import { readSettings } from './node/settings';
import { startServer } from './node/start-server';
import { buildDemoWorkspace, DEMO_EMAIL } from './simulate/demo-workspace';

// `npm run demo`: a fresh workspace with parameters, segments, targeting, metrics, a running
// experiment and app traffic (the simulator, through the real endpoints), so every page,
// results included, has something real to show.
const settings = readSettings();
const dataDir = resolve(process.env.DATA_DIR ?? './data-demo');
await rm(dataDir, { recursive: true, force: true });
const email = DEMO_EMAIL;
const password = randomToken(12);
const server = await startServer({ ...settings, dataDir, databaseUrl: undefined, adminEmail: email, adminPassword: password });
const services = server.app.services;

// The same workspace as mock mode builds in the browser, here through the real endpoints over HTTP.
const DEMO_USERS = Number(process.env.DEMO_USERS ?? 10_000);
process.stdout.write(`Building the demo workspace: app traffic, then ${DEMO_USERS.toLocaleString('en')} users of the checkout-button experiment over 14 days…\n`);
const { clientKey, serverKey, simulated } = await buildDemoWorkspace(services, {
  url: server.url,
  experimentUsers: DEMO_USERS,
  onProgress: (p) => process.stdout.isTTY && process.stdout.write(`\r  ${p.step}: users ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}   `),
});

console.log(`
Switchboard demo is running at ${server.url}
  Sign in as ${email} with the password ${password}
  Client SDK key for an app: ${clientKey.secret}
  Experiment checkout-button: ${DEMO_USERS.toLocaleString('en')} simulated users, ${simulated.eventsSent.toLocaleString('en')} events in ${simulated.seconds.toFixed(0)} s (more: npm run simulate -- --url ${server.url} --experiment checkout-button --users 5000 --sdk-key ${serverKey.secret} --events purchase,add_to_cart --seed 2)
  Data: ${dataDir} (wiped at every npm run demo)
`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
