import { LOGIN_MAX_ATTEMPTS } from '../../src/server/modules/auth/login-limit';
import { rawRequest, shapeOf } from './http';
import { ADMIN, ofrepBulk, ofrepFlag, type World } from './world';

// Repros 1-4 of issue 11: wide contexts and big id lists, a catastrophic pattern, tokens of a
// disabled or demoted admin, and a storm of wrong sign-ins.

export interface Line {
  sent: string;
  answered: string;
  pass: boolean;
}

const is4xx = (status: number) => status >= 400 && status < 500;
const ms = (value: number) => `${Math.round(value)} ms`;

export async function wideContextsAndIdLists(world: World): Promise<Line[]> {
  const context: Record<string, unknown> = { targetingKey: 'wide-user' };
  for (let i = 0; i < 5461; i++) context[`attribute_${i}`] = i;
  const lines: Line[] = [];
  for (const n of [1, 2]) {
    const answer = await ofrepBulk(world, context);
    lines.push({ sent: `OFREP bulk #${n}: context with 5,462 attribute names (${Math.round(JSON.stringify({ context }).length / 1024)} KB)`, answered: `${shapeOf(answer)} in ${ms(answer.ms)}`, pass: is4xx(answer.status) && answer.json?.errorCode !== undefined });
  }
  for (const count of [20_000, 100_000]) {
    const ids = Array.from({ length: count }, (_, i) => `customer-${i}`);
    const answer = await world.call('POST', '/api/segments', { name: `Imported ${count}`, definition: { kind: 'ids', ids } }, world.admin);
    lines.push({ sent: `POST /api/segments with ${count.toLocaleString('en')} ids`, answered: `${shapeOf(answer)} in ${ms(answer.ms)}`, pass: answer.status === 201 });
  }
  return lines;
}

export async function catastrophicPattern(world: World): Promise<Line[]> {
  const pattern = '^(a+)+$';
  const condition = { handle: { $regex: pattern } };
  const segment = await world.call('POST', '/api/segments', { name: 'Nested quantifier', definition: { kind: 'condition', condition } }, world.admin);
  const lines: Line[] = [{ sent: `POST /api/segments with $regex ${pattern}`, answered: shapeOf(segment), pass: segment.status === 201 }];
  if (segment.status !== 201) return lines;
  const parameter = await world.call('POST', '/api/parameters', {
    key: 'handle_banner', name: 'Handle banner', spec: { type: 'string' }, defaultValue: 'Hi',
    rules: [{ audience: { kind: 'segment', segmentId: segment.json.id }, value: 'matched' }],
  }, world.admin);
  const value = `${'a'.repeat(29)}!`;
  const first = await ofrepFlag(world, 'handle_banner', { targetingKey: 'regex-user', handle: value });
  const evaluated = await ofrepFlag(world, 'handle_banner', { targetingKey: 'regex-user-2', handle: value });
  lines.push({
    sent: `OFREP handle_banner (rule: that segment; parameter ${parameter.status}) with handle = 29 a's + '!', twice`,
    answered: `${shapeOf(evaluated)} value ${JSON.stringify(evaluated.json?.value)} in ${ms(first.ms)} (first, builds the configuration), then ${ms(evaluated.ms)}`,
    pass: first.status === 200 && evaluated.status === 200 && evaluated.json?.value === 'Hi' && evaluated.ms < 1000,
  });
  const viewer = await world.userWithRole('viewer', 'viewer@example.com');
  const reach = await world.call('POST', '/api/segments/reach', { definition: { kind: 'condition', condition } }, viewer.session);
  lines.push({
    sent: `POST /api/segments/reach with ${pattern} as a viewer`,
    answered: `${shapeOf(reach)} matched ${reach.json?.matched}/${reach.json?.total} exact ${reach.json?.exact} in ${ms(reach.ms)}`,
    pass: reach.status === 200 && reach.ms < 6000,
  });
  return lines;
}

export async function tokensOfDisabledAdmin(world: World): Promise<Line[]> {
  const second = await world.userWithRole('admin', 'second-admin@example.com');
  const token = await world.call('POST', '/api/tokens', { name: 'ci', role: 'admin' }, second.session);
  const bearer = { bearer: token.json?.secret as string };
  const before = await world.call('GET', '/api/users', undefined, bearer);
  await world.call('PATCH', `/api/users/${second.id}`, { disabled: true }, world.admin);
  const disabled = await world.call('GET', '/api/users', undefined, bearer);
  await world.call('PATCH', `/api/users/${second.id}`, { disabled: false }, world.admin);
  const demote = await world.call('PATCH', `/api/users/${second.id}`, { role: 'editor' }, world.admin);
  const demoted = await world.call('GET', '/api/users', undefined, bearer);
  const mint = await world.call('POST', '/api/tokens', { name: 'more', role: 'admin' }, bearer);
  return [
    { sent: `admin's API token (token ${token.status}, lists users ${before.status}), admin then disabled: GET /api/users`, answered: shapeOf(disabled), pass: before.status === 200 && disabled.status === 401 },
    { sent: `re-enabled and demoted to editor (${demote.status}): GET /api/users, POST /api/tokens`, answered: `${shapeOf(demoted)}; ${shapeOf(mint)}`, pass: demoted.status === 403 && mint.status === 403 },
  ];
}

export async function wrongSignInStorm(world: World): Promise<Line[]> {
  // Its own admin, so the bystander check's sign-in (ADMIN) is not the locked one.
  const target = await world.userWithRole('admin', 'target-admin@example.com');
  const login = (password: string, localAddress = '127.0.0.1') =>
    rawRequest(world.server.url, { method: 'POST', path: '/api/auth/login', localAddress, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'target-admin@example.com', password }) });
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login(`wrong guess ${i}`)));
  const count = (status: number) => answers.filter((answer) => answer.status === status).length;
  const other = answers.length - count(401) - count(429);
  const sameAddress = await login(target.password);
  const otherAddress = await login(target.password, '127.0.0.2');
  const admin = await world.call('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
  return [
    { sent: '200 concurrent wrong sign-ins, one email, from 127.0.0.1', answered: `${count(401)}x401 ${count(429)}x429${other ? ` ${other}xother` : ''} (${LOGIN_MAX_ATTEMPTS} checked expected)`, pass: count(401) === LOGIN_MAX_ATTEMPTS && count(429) === 200 - LOGIN_MAX_ATTEMPTS },
    {
      sent: 'then the right password: same address / from 127.0.0.2 / another admin',
      answered: `${sameAddress.status} (retry-after ${sameAddress.headers['retry-after'] ?? '-'}) / ${otherAddress.status} / ${admin.status}`,
      pass: sameAddress.status === 429 && otherAddress.status === 200 && admin.status === 200,
    },
  ];
}
