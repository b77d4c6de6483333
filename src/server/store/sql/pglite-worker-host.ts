import { Worker } from 'node:worker_threads';
import type { FromWorker, PgliteWorkerData, ToWorker, WorkerError, WorkerMemory } from './pglite-worker';

/** PGlite running on a worker thread: statements go there and their rows come back. */
export interface PgliteWorker {
  query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows: number | undefined }>;
  /** The thread's heap and PGlite's WebAssembly memory (benches: the share of the process's RSS that is PGlite's). */
  memory(): Promise<WorkerMemory>;
  /** Closes PGlite (its data folder stays consistent) and ends the thread. */
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 30_000;

/**
 * Node 20 applies no loader to worker threads, and this server runs from TypeScript source
 * (under tsx, or vitest), so a small JavaScript bootstrap loads the worker through tsx's API.
 */
function spawn(workerData: PgliteWorkerData): Worker {
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}

const toError = (fields: WorkerError) => Object.assign(new Error(fields.message), fields);

/** Starts PGlite on its own thread with `dataDir` (in memory when undefined). */
export async function startPgliteWorker(dataDir: string | undefined): Promise<PgliteWorker> {
  const worker = spawn({ dataDir });
  const pending = new Map<number, { resolve: (value: { rows: unknown[]; affectedRows: number | undefined }) => void; reject: (error: Error) => void }>();
  const memoryAsked = new Map<number, { resolve: (memory: WorkerMemory) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;
  let onClosed: (() => void) | null = null;
  let onReady: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (onReady = { resolve, reject }));

  const couldNotOpen = (reason: string) => new Error(`PGlite could not open ${dataDir ?? 'an in-memory database'}: ${reason}`);
  const stop = (error: Error) => {
    stopped ??= error;
    // Before 'ready' the thread's end (or its error, which may overtake the 'failed' message) means the start failed.
    onReady?.reject(couldNotOpen(error.message));
    for (const waiting of [...pending.values(), ...memoryAsked.values()]) waiting.reject(error);
    pending.clear();
    memoryAsked.clear();
    onClosed?.();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'ready') onReady?.resolve();
    else if (message.type === 'failed') onReady?.reject(couldNotOpen(message.error.message));
    else if (message.type === 'closed') onClosed?.();
    else if (message.type === 'memory') {
      memoryAsked.get(message.id)?.resolve(message.memory);
      memoryAsked.delete(message.id);
    } else {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === 'result') waiting?.resolve({ rows: message.rows, affectedRows: message.affectedRows });
      else waiting?.reject(toError(message.error));
    }
  });
  // Unasked, once running (PGlite aborted, out of memory): every statement from now on fails with this error,
  // and /api/health reports the database down.
  const died = (error: Error) => {
    if (!stopped && !onReady) console.error('The PGlite worker stopped', error);
    stop(error);
  };
  worker.on('error', died);
  worker.on('exit', (code) => died(new Error(`The PGlite worker stopped (exit code ${code})`)));

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  onReady = null;
  return {
    query(sql, params) {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'query', id, sql, params: [...params] } satisfies ToWorker);
      });
    },
    memory() {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        memoryAsked.set(id, { resolve, reject });
        worker.postMessage({ type: 'memory', id } satisfies ToWorker);
      });
    },
    async close() {
      if (stopped) return;
      const closed = new Promise<void>((resolve) => (onClosed = resolve));
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      // A worker that cannot close in time is ended; PGlite then recovers its folder at the next start.
      const timer = setTimeout(() => onClosed?.(), CLOSE_TIMEOUT_MS);
      await closed;
      clearTimeout(timer);
      stopped = new Error('The PGlite store is closed');
      await worker.terminate();
    },
  };
}
