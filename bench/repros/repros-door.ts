import { rawRequest, shapeOf, streamBody } from './http';
import type { Line } from './repros-input';
import { mib, ofrepBulk, ofrepFlag, tally, tallyText, type World } from './world';

// Repros 5-8 of issue 11: huge bodies, big attributes and flag keys, deep nesting, and the
// edges of auth, URLs and headers.

const BODY_BYTES = 200 * 1024 * 1024;
const rawShape = (answer: { status: number; headers: Record<string, unknown>; text: string; error?: string }) =>
  answer.error ? `no answer (${answer.error})` : shapeOf({ ...answer, headers: answer.headers as never });

/** What the 413 of repro 5 said about the connection, for repro 8. */
export const seen = { connectionOn413: '' };

export async function hugeBodies(world: World): Promise<Line[]> {
  const lines: Line[] = [];
  const targets = [
    ['/ofrep/v1/evaluate/flags', true],
    ['/ofrep/v1/evaluate/flags', false],
    ['/sdk/v1/events', false],
  ] as const;
  for (const [path, declareLength] of targets) {
    const rssBefore = process.memoryUsage().rss;
    const answer = await streamBody(world.server.url, path, { authorization: `Bearer ${world.app.secret}` }, BODY_BYTES, declareLength);
    const rssAfter = process.memoryUsage().rss;
    if (answer.status === 413 && declareLength) seen.connectionOn413 = String(answer.headers.connection ?? '');
    lines.push({
      sent: `200 MiB to ${path} (${declareLength ? 'Content-Length' : 'chunked, no length'}), streamed`,
      answered: `${rawShape(answer)} after ${mib(answer.sent)} handed to the socket; Connection: ${answer.headers.connection ?? '-'}; RSS ${mib(rssBefore)} -> ${mib(rssAfter)} (server in this process)`,
      pass: answer.status === 413 && rssAfter - rssBefore < 50 * 1024 * 1024,
    });
  }
  return lines;
}

export async function bigAttributesAndKeys(world: World): Promise<Line[]> {
  const sizeBefore = await world.dataDirBytes?.();
  const big = 'x'.repeat(60 * 1024);
  const attributes = await tally(1000, 20, async (i) => {
    const answer = await ofrepBulk(world, { targetingKey: `big-${i}`, note: big });
    return answer;
  });
  const longKey = 'k'.repeat(15_000);
  let keyShape = '';
  const keys = await tally(1000, 20, async (i) => {
    const answer = await ofrepFlag(world, `${longKey}${i % 10}`, { targetingKey: `long-key-${i}` });
    keyShape ||= shapeOf(answer);
    return answer;
  });
  await world.server.app.services.knownUsers.flush();
  await new Promise((resolve) => setTimeout(resolve, 2500)); // requested keys are written after the answer
  const requested = await world.call('GET', '/api/parameters/requested', undefined, world.admin);
  const items = (requested.json?.items ?? requested.json ?? []) as { key: string }[];
  const longest = items.reduce((max, item) => Math.max(max, item.key.length), 0);
  const sizeAfter = await world.dataDirBytes?.();
  const size = sizeBefore === undefined || sizeAfter === undefined ? 'data folder n/a on PostgreSQL' : `data folder ${mib(sizeBefore)} -> ${mib(sizeAfter)}`;
  const allRefused = (counts: Map<number, number>) => [...counts.keys()].every((status) => status >= 400 && status < 500);
  return [
    { sent: '1,000 OFREP bulk requests with a 60 KB attribute', answered: `${tallyText(attributes)}; ${size}`, pass: allRefused(attributes) && (sizeBefore === undefined || sizeAfter! - sizeBefore < 20 * 1024 * 1024) },
    {
      sent: '1,000 OFREP requests for flag keys of 15,000 chars',
      answered: `${tallyText(keys)} (${keyShape}); GET /api/parameters/requested ${requested.status}: ${items.length} keys, longest ${longest} chars`,
      pass: [...keys.keys()].every((status) => status < 500) && requested.status === 200 && longest < 15_000,
    },
  ];
}

const nestedBody = (depth: number) => `{"context":{"targetingKey":"deep","nested":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

export async function deepNesting(world: World): Promise<Line[]> {
  const depth = 20_000;
  const body = nestedBody(depth);
  const deep = await world.call('POST', '/ofrep/v1/evaluate/flags', body, { bearer: world.app.secret }, { 'content-type': 'application/json' });
  // 20,000 levels do not fit in an OFREP body; 7,000 do, so this one reaches the parser and the depth check.
  const fitting = nestedBody(7_000);
  const parsed = await world.call('POST', '/ofrep/v1/evaluate/flags', fitting, { bearer: world.app.secret }, { 'content-type': 'application/json' });
  const innocent = await ofrepBulk(world, { targetingKey: 'innocent-after-deep', country: 'CA' });
  let known = await world.call('GET', '/api/known-users/innocent-after-deep', undefined, world.admin);
  for (let tries = 0; known.status !== 200 && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    known = await world.call('GET', '/api/known-users/innocent-after-deep', undefined, world.admin);
  }
  return [
    { sent: `OFREP bulk with a context nested ${depth.toLocaleString('en')} levels (${Math.round(body.length / 1024)} KB)`, answered: shapeOf(deep), pass: deep.status === 400 || deep.status === 413 },
    { sent: `OFREP bulk with a context nested 7,000 levels (${Math.round(fitting.length / 1024)} KB, within the body limit)`, answered: shapeOf(parsed), pass: parsed.status === 400 && parsed.json?.errorCode === 'INVALID_CONTEXT' },
    { sent: 'then an innocent user (OFREP bulk), GET /api/known-users/innocent-after-deep', answered: `OFREP ${innocent.status}; known user ${known.status} country ${known.json?.attributes?.country}`, pass: innocent.status === 200 && known.status === 200 && known.json?.attributes?.country === 'CA' },
  ];
}

export async function authUrlAndHeaderEdges(world: World): Promise<Line[]> {
  const invited = await world.call('POST', '/api/users', { email: 'race@example.com', role: 'editor' }, world.admin);
  const accepts = await Promise.all(Array.from({ length: 6 }, (_, i) =>
    world.call('POST', '/api/auth/accept-invite', { token: invited.json?.inviteToken, name: `Taker ${i}`, password: `a long enough password ${i}` })));
  const wins = accepts.filter((answer) => answer.status === 200);
  const sessions = wins.filter((answer) => answer.headers.get('set-cookie')).length;
  const setup = await world.call('POST', '/api/auth/setup', { email: 'late@example.com', name: 'Late', password: 'another long password' });
  const auth = { cookie: world.admin.cookie! };
  const brokenPage = await rawRequest(world.server.url, { method: 'GET', path: '/%E0%A4%A', headers: auth });
  const nulParameter = await rawRequest(world.server.url, { method: 'GET', path: '/api/parameters/%00', headers: auth });
  const health = await world.call('GET', '/api/health');
  const hsts = health.headers.get('strict-transport-security');
  const frame = health.headers.get('x-frame-options');
  const codes = accepts.map((answer) => answer.status).sort().join(',');
  return [
    { sent: '6 concurrent accepts of one invite', answered: `${codes}; ${sessions} session cookie(s)`, pass: wins.length === 1 && sessions === 1 },
    { sent: 'POST /api/auth/setup when already set up', answered: shapeOf(setup), pass: setup.status === 409 },
    { sent: 'GET /%E0%A4%A (dashboard) and GET /api/parameters/%00', answered: `${rawShape(brokenPage)}; ${rawShape(nulParameter)}`, pass: brokenPage.status >= 400 && brokenPage.status < 500 && nulParameter.status >= 400 && nulParameter.status < 500 },
    { sent: '413 of repro 5 (Content-Length over the limit)', answered: `Connection: ${seen.connectionOn413 || '-'}`, pass: seen.connectionOn413 === 'close' },
    { sent: 'GET /api/health over plain HTTP', answered: `Strict-Transport-Security: ${hsts ?? '-'}; X-Frame-Options: ${frame ?? '-'}`, pass: hsts === null && frame === 'DENY' },
  ];
}
