import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer } from '../test/live-server';
import { API_MAX_BODY_BYTES, EVENTS_MAX_BODY_BYTES, OFREP_MAX_BODY_BYTES } from './limits';

// Body limits through the real Node listener (@hono/node-server, as start-server.ts runs it): a
// body over the limit is refused on its Content-Length before it is read, a chunked body without
// one is refused while it is still arriving, and the refusal closes the connection cleanly so
// a client's next request does not land on a dropped keep-alive socket.

let live: Awaited<ReturnType<typeof startLiveServer>>;
let port: number;
let clientKey: string;
let serverKey: string;

beforeAll(async () => {
  live = await startLiveServer();
  port = Number(new URL(live.baseUrl).port);
  clientKey = (await live.sdkKey('client')).secret;
  serverKey = (await live.sdkKey('server')).secret;
});
afterAll(() => live.close());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(agent: http.Agent, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    // The server may close before the whole body is sent: that is the point.
    request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

/**
 * Sends `bytes` of a chunked body and never the end of it, and resolves with the answer: only a
 * server that counts while reading can answer. (Not endless: a server closing on a client still
 * writing resets the connection, and the answer can be lost in the reset.)
 */
function unfinishedChunkedBody(path: string, headers: Record<string, string>, bytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const agent = new http.Agent({ keepAlive: false });
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'transfer-encoding': 'chunked' }, agent }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    const chunk = 'x'.repeat(1024);
    for (let sent = 0; sent < bytes; sent += chunk.length) request.write(chunk);
  });
}

describe('body limits on the real Node server', () => {
  it('refuses an OFREP body over the limit on Content-Length, in OFREP shape, and closes the connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const body = JSON.stringify({ context: { targetingKey: 'u1', note: 'x'.repeat(OFREP_MAX_BODY_BYTES) } });
    const refused = await send(agent, 'POST', '/ofrep/v1/evaluate/flags', { authorization: `Bearer ${clientKey}`, 'content-type': 'application/json', 'content-length': String(body.length) }, body);
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body)).toMatchObject({ errorCode: 'GENERAL' });
    // The same keep-alive agent goes on working: its next request gets a fresh connection.
    const next = await send(agent, 'GET', '/api/health', {});
    expect(next.status).toBe(200);
    agent.destroy();
  });

  it('refuses an /api body over the limit with Connection: close, and the next request on the agent works', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const body = JSON.stringify({ name: 'x'.repeat(API_MAX_BODY_BYTES) });
    const refused = await send(agent, 'POST', '/api/parameters', { 'content-type': 'application/json', 'content-length': String(body.length), cookie: live.admin.cookie!, 'x-csrf-token': live.admin.csrf! }, body);
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(refused.headers['content-type']).toBe('application/problem+json');
    const next = await send(agent, 'GET', '/api/health', {});
    expect(next.status).toBe(200);
    agent.destroy();
  });

  it('does not keep a refused connection open for a request pipelined behind the unread body', async () => {
    const body = 'x'.repeat(EVENTS_MAX_BODY_BYTES + 1);
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(`POST /sdk/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${serverKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
        socket.write(body);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('error', () => {});
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).toMatch(/\r\nconnection: close\r\n/i);
    expect(raw).not.toMatch(/keep-alive/i);
  });

  it('refuses a chunked OFREP body without a length while it is still arriving', async () => {
    const refused = await unfinishedChunkedBody('/ofrep/v1/evaluate/flags', { authorization: `Bearer ${clientKey}`, 'content-type': 'application/json' }, OFREP_MAX_BODY_BYTES + 4096);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ errorCode: 'GENERAL' });
  });

  it('refuses a chunked event batch without a length while it is still arriving, as problem+json', async () => {
    const refused = await unfinishedChunkedBody('/sdk/v1/events', { authorization: `Bearer ${serverKey}`, 'content-type': 'application/json' }, EVENTS_MAX_BODY_BYTES + 4096);
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 413, title: 'Payload too large' });
  });

  it('still takes a chunked body within the limit', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const ok = await new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/ofrep/v1/evaluate/flags', agent, headers: { authorization: `Bearer ${clientKey}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        },
      );
      request.on('error', reject);
      request.write('{"context": {"targetingKey":');
      request.end(' "u1", "country": "CA"}}');
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toHaveProperty('flags');
    agent.destroy();
  });
});
