import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { createPasswordHasher, type PasswordHasher } from '../../lib/password';
import { ADMIN, createTestApp } from '../../test/harness';
import { LOGIN_EMAIL_CEILING, LOGIN_MAX_ATTEMPTS } from './login-limit';

/** What is read here of the OpenAPI document: each path's operations, their responses by status and those responses' content types. */
type OpenApiPaths = Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>>;

// The real hasher with a tiny scrypt cost: these tests make a hundred guesses and count them.
const cheapHasher = createPasswordHasher(async (password, salt, { r, p, dkLen }) => new Uint8Array(scryptSync(password, salt, dkLen, { N: 16, r, p })));

/** Counts how often a password is checked or hashed. */
function countingHasher() {
  const calls = { verify: 0, hash: 0 };
  const hasher: PasswordHasher = {
    hash: (password) => (calls.hash++, cheapHasher.hash(password)),
    verify: (password, stored) => (calls.verify++, cheapHasher.verify(password, stored)),
  };
  return { calls, hasher };
}

// Tests say which address a request comes from with this header.
const fromHeader = (c: Context) => c.req.header('x-test-client') ?? 'unknown';
const from = (address: string) => ({ 'x-test-client': address });

async function limitedApp() {
  const { calls, hasher } = countingHasher();
  const t = createTestApp({ passwords: hasher, clientKey: fromHeader });
  await t.setupAdmin();
  calls.verify = 0;
  calls.hash = 0;
  const login = (password: string, address: string, email = ADMIN.email) => t.call('POST', '/api/auth/login', { email, password }, {}, from(address));
  return { t, calls, login };
}

describe('the sign-in limit', () => {
  it('checks exactly the limit of 200 concurrent wrong guesses and refuses the rest before hashing', async () => {
    const { calls, login } = await limitedApp();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login(`wrong guess ${i}`, '198.51.100.1')));
    const statuses = answers.map((answer) => answer.status);
    expect(calls.verify).toBe(LOGIN_MAX_ATTEMPTS);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_MAX_ATTEMPTS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(200 - LOGIN_MAX_ATTEMPTS);
  });

  it('locks an email only from the address that guessed: the right password from elsewhere gets in', async () => {
    const { t, login } = await limitedApp();
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) expect((await login(`wrong ${i}`, '198.51.100.1')).status).toBe(401);
    const locked = await login(ADMIN.password, '198.51.100.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(ADMIN.password, '203.0.113.5')).status).toBe(200);
    t.clock.advance(15 * 60 * 1000);
    expect((await login(ADMIN.password, '198.51.100.1')).status).toBe(200);
  });

  it('does not let wrong guesses for other emails lock the admin out of a shared address', async () => {
    const { login } = await limitedApp();
    for (let i = 0; i < 3 * LOGIN_MAX_ATTEMPTS; i++) {
      expect((await login('a wrong password', '10.0.0.1', `random-${i}@example.com`)).status).toBe(401);
    }
    expect((await login(ADMIN.password, '10.0.0.1')).status).toBe(200);
  });

  it('starts the count again after a right password', async () => {
    const { login } = await limitedApp();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS - 1; i++) expect((await login(`wrong ${i}`, '198.51.100.1')).status).toBe(401);
      expect((await login(ADMIN.password, '198.51.100.1')).status).toBe(200);
    }
  });

  it('over the per-email ceiling, holds each address to one try but still lets a fresh address in', async () => {
    const { calls, login } = await limitedApp();
    const crowd = Math.ceil(LOGIN_EMAIL_CEILING / LOGIN_MAX_ATTEMPTS);
    for (let a = 0; a < crowd; a++) {
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) await login(`wrong ${i}`, `192.0.2.${a}`);
    }
    expect(calls.verify).toBe(LOGIN_EMAIL_CEILING);
    expect((await login('first wrong try', '198.51.100.50')).status).toBe(401);
    expect((await login(ADMIN.password, '198.51.100.50')).status).toBe(429);
    expect((await login(ADMIN.password, '198.51.100.51')).status).toBe(200);
  });

  it('is documented in the OpenAPI description', async () => {
    const t = createTestApp();
    const spec = (await t.call<{ paths: OpenApiPaths }>('GET', '/api/openapi.json')).json;
    expect(spec.paths['/api/auth/login'].post.responses['429'].content['application/problem+json']).toBeDefined();
  });
});

describe('first-run setup once done', () => {
  it('refuses before hashing the password', async () => {
    const { t, calls } = await limitedApp();
    const again = await t.call('POST', '/api/auth/setup', { ...ADMIN, email: 'second@example.com' });
    expect(again.status).toBe(409);
    expect(calls.hash).toBe(0);
  });
});

describe('an invite accepted by concurrent requests', () => {
  it('gives exactly one session', async () => {
    const t = createTestApp();
    const admin = await t.setupAdmin();
    const invited = await t.call('POST', '/api/users', { email: 'race@example.com', role: 'editor' }, admin);
    const accept = (i: number) => t.call('POST', '/api/auth/accept-invite', { token: invited.json.inviteToken, name: `Taker ${i}`, password: `a long enough password ${i}` });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => accept(i)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(5);
    const user = (await t.store.users.getByEmail('race@example.com'))!;
    const winner = answers.find((answer) => answer.status === 200)!;
    expect(winner.json.user).toMatchObject({ id: user.id, name: user.name, status: 'active' });
    const memory = t.store as unknown as { state: { sessions: Map<string, { userId: string }> } };
    expect([...memory.state.sessions.values()].filter((session) => session.userId === user.id)).toHaveLength(1);
  });
});
