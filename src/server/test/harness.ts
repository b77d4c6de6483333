import { createApp, type CreateAppOptions } from '../app';
import type { Role } from '../../shared/contract/auth';
import type { FieldError, Problem } from '../../shared/contract/common';
import type { CreatedApiToken } from '../../shared/contract/tokens';
import type { InvitedUser } from '../../shared/contract/users';
import { nodePasswordHasher } from '../node/password-node';
import { MemoryStore } from '../store/memory/memory-store';
import type { Store } from '../store/types';
import { describeEndpoint, endpointUrl, successStatusOf, type EndpointInput, type EndpointResponse, type EndpointShape } from '../../shared/contract/endpoint';

export const ADMIN = { email: 'admin@example.com', name: 'Ada Admin', password: 'correct horse battery' };

/** A mutable clock so tests can move time without sleeping. */
export function testClock(start = '2026-01-01T00:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface Caller {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

/**
 * A raw answer's JSON as a test reads it by default: an object whose fields are unknown until the
 * test says what it expects, with `call<T>` (T from src/shared/contract where the API describes it).
 */
export type RawJson = Record<string, unknown>;

/** A refusal with field-level errors (a 400, or a 409 that names fields): `errors` is always there. */
export type FieldProblem = Problem & { errors: FieldError[] };

/** One flag of an OFREP answer, as the server writes it (src/server/modules/ofrep/response-cache.ts). */
export interface OfrepFlag {
  key: string;
  value: unknown;
  reason: string;
  variant: string;
  metadata: Record<string, unknown>;
}

/** createApp over the memory store (or a given store), called in-process with app.request. */
export function createTestApp(options: Partial<CreateAppOptions> & { store?: Store } = {}) {
  const clock = testClock();
  const store = options.store ?? new MemoryStore();
  const app = createApp({ clock, passwords: nodePasswordHasher, log: () => {}, ...options, store });

  /**
   * Any request, its JSON typed as the test expects it (`T`, an assertion the answer does not check);
   * prefer `request` with an endpoint description, which checks the answer, where a test expects success.
   */
  async function call<T = RawJson>(method: string, path: string, body?: unknown, caller: Caller = {}, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (caller.cookie) headers.cookie = caller.cookie;
    if (caller.csrf) headers['x-csrf-token'] = caller.csrf;
    if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
    const response = await app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, json: json as T, response };
  }

  /**
   * Calls one endpoint described in src/shared/contract/endpoints and returns its typed answer. Throws
   * when the status is not the endpoint's success status, or the body does not match its response
   * schema, so every test through here also checks the server keeps its contract.
   */
  async function request<const E extends EndpointShape>(endpoint: E, input: EndpointInput<E>, caller: Caller = {}): Promise<EndpointResponse<E>> {
    const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const answer = await call<unknown>(endpoint.method, endpointUrl(endpoint, params, query), body, caller);
    const name = describeEndpoint(endpoint);
    if (answer.status !== successStatusOf(endpoint)) throw new Error(`${name} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    if (endpoint.response) {
      const parsed = endpoint.response.safeParse(answer.json);
      if (!parsed.success) throw new Error(`${name} answered a body that does not match its response schema: ${parsed.error.message}`);
    }
    return answer.json as EndpointResponse<E>;
  }

  function sessionFrom(response: { headers: Headers; json: { csrfToken?: string } }): Caller {
    const setCookie = response.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0];
    return { cookie, csrf: response.json?.csrfToken };
  }

  async function setupAdmin(): Promise<Caller> {
    const response = await call('POST', '/api/auth/setup', ADMIN);
    if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${JSON.stringify(response.json)}`);
    return sessionFrom(response);
  }

  async function signIn(email: string, password: string): Promise<Caller> {
    const response = await call('POST', '/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.json)}`);
    return sessionFrom(response);
  }

  /** Invites a user with `role`, accepts the invite and returns their session. */
  async function userWithRole(admin: Caller, role: Role, email = `${role}-${Math.random().toString(36).slice(2)}@example.com`): Promise<Caller> {
    const invited = await call<InvitedUser>('POST', '/api/users', { email, role }, admin);
    if (invited.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invited.json)}`);
    const accepted = await call('POST', '/api/auth/accept-invite', { token: invited.json.inviteToken, name: role, password: 'a long enough password' });
    return sessionFrom(accepted);
  }

  async function tokenWithRole(admin: Caller, role: Role): Promise<Caller> {
    const created = await call<CreatedApiToken>('POST', '/api/tokens', { name: `${role} token`, role }, admin);
    return { bearer: created.json.secret };
  }

  return { app, store, clock, call, request, sessionFrom, setupAdmin, signIn, userWithRole, tokenWithRole };
}
