import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

// Talking to the real server over HTTP the way apps and browsers do: fetch for ordinary calls,
// node:http where fetch cannot (raw broken paths, a chosen local address, a streamed 200 MiB body).

export interface Caller {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- repros read arbitrary JSON shapes
  json: any;
  text: string;
  ms: number;
}

export function client(baseUrl: string) {
  async function call(method: string, path: string, body?: unknown, caller: Caller = {}, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (caller.cookie) headers.cookie = caller.cookie;
    if (caller.csrf) headers['x-csrf-token'] = caller.csrf;
    if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
    const started = performance.now();
    const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - started;
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text, ms };
  }
  const sessionFrom = (answer: Answer): Caller => ({ cookie: (answer.headers.get('set-cookie') ?? '').split(';')[0], csrf: answer.json?.csrfToken });
  return { call, sessionFrom };
}

/** "413 problem+json", "400 OFREP INVALID_CONTEXT", "200 json": the status and the shape answered. */
export function shapeOf(answer: { status: number; headers: Headers | IncomingHttpHeaders; text: string }): string {
  const type = String((answer.headers instanceof Headers ? answer.headers.get('content-type') : answer.headers['content-type']) ?? '');
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(answer.text);
  } catch {
    json = undefined;
  }
  if (type.includes('problem+json')) return `${answer.status} problem+json${json?.detail ? ` "${String(json.detail).slice(0, 70)}"` : ''}`;
  if (json && typeof json.errorCode === 'string') return `${answer.status} OFREP ${json.errorCode}`;
  if (json && typeof json.errorDetails === 'string') return `${answer.status} json "${json.errorDetails.slice(0, 70)}"`;
  return `${answer.status} ${type.split(';')[0] || 'no body'}`;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Body bytes written before the answer came (streamed requests). */
  sent: number;
  error?: string;
}

/** One request with node:http: the path goes out byte for byte, from a chosen local address. */
export function rawRequest(baseUrl: string, options: { method: string; path: string; headers?: Record<string, string>; body?: string; localAddress?: string }): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, sent: 0 }));
    });
    req.on('error', (error) => resolve({ status: 0, headers: {}, text: '', sent: 0, error: error.message }));
    req.end(options.body);
  });
}

/**
 * POSTs `totalBytes` of JSON-looking filler in 64 KiB chunks, never holding more than one chunk,
 * and stops writing as soon as the server answers. With `declareLength` the Content-Length says
 * the full size; without it the body is chunked, so the server has to count while it reads.
 */
export function streamBody(baseUrl: string, path: string, headers: Record<string, string>, totalBytes: number, declareLength: boolean): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = httpRequest({
      host: url.hostname, port: url.port, method: 'POST', path, agent: false,
      headers: { 'content-type': 'application/json', ...headers, ...(declareLength ? { 'content-length': String(totalBytes) } : { 'transfer-encoding': 'chunked' }) },
    }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (text += part));
      res.on('end', () => {
        finish({ status: res.statusCode ?? 0, headers: res.headers, text, sent });
        req.destroy();
      });
    });
    req.on('error', (error) => finish({ status: 0, headers: {}, text: '', sent, error: error.message }));
    const pump = () => {
      while (!answered && !req.destroyed && sent < totalBytes) {
        const piece = totalBytes - sent >= chunk.length ? chunk : chunk.subarray(0, totalBytes - sent);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed && sent >= totalBytes) req.end();
    };
    const prefix = '{"context":{"targetingKey":"u","filler":"';
    req.write(prefix);
    sent = prefix.length;
    pump();
  });
}
