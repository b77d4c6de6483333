import { platform, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** What the main thread passes (pglite-worker-host.ts). */
export interface PgliteWorkerData {
  /** PGlite's data folder; undefined keeps the database in memory. */
  dataDir: string | undefined;
}

/** A database error as plain fields (SQLSTATE `code`, `constraint`, ...), which cross threads intact. */
export type WorkerError = { message: string } & Record<string, unknown>;

/** The worker thread's own memory, in bytes: its V8 heap, and PGlite's WebAssembly memory (which never shrinks). */
export interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  wasm: number;
}

export type ToWorker = { type: 'query'; id: number; sql: string; params: unknown[] } | { type: 'memory'; id: number } | { type: 'close' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: WorkerError }
  | { type: 'result'; id: number; rows: unknown[]; affectedRows: number | undefined }
  | { type: 'error'; id: number; error: WorkerError }
  | { type: 'memory'; id: number; memory: WorkerMemory }
  | { type: 'closed' };

// PGlite runs here, on a thread of its own, so a long statement never blocks the server's event
// loop. Statements arrive as messages and run through PGlite's own query path, the one the
// in-process store used. Not @electric-sql/pglite-socket with `pg`: PGlite answers an errored
// extended-protocol message with a ReadyForQuery before the client's Sync, which desynchronises
// `pg` (pglite issue 958, open): after a unique violation the next query got the previous answer.
const { dataDir } = workerData as PgliteWorkerData;

// The database is background work to the request thread: when both want the CPU (a rollup build,
// a backlog of exposures on a busy machine), answering apps comes first. On Linux a thread has its
// own nice value, and 0 names the calling thread (elsewhere it would name the whole process). At
// nice 10 the scheduler gives it about a tenth of a contended core; an idle core it still takes whole.
const DATABASE_THREAD_NICE = 10;
if (platform() === 'linux') {
  try {
    setPriority(0, DATABASE_THREAD_NICE);
  } catch {
    // Not allowed here: the thread keeps the server's priority.
  }
}
const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread');
const send = (message: FromWorker) => port.postMessage(message);

function describe(value: unknown): string {
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

function plainError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { message: describe(error) };
  const fields: WorkerError = { message: error.message };
  // PGlite's DatabaseError keeps code, detail, constraint... as own properties; only plain
  // values cross (its `result` and the like are dropped).
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return fields;
}

// Said as a message, not rethrown: what PGlite throws here is not always an Error that would cross
// intact, and an uncaught error reaches the host as an 'error' event that can overtake this message.
// The host then ends the thread.
const db = await PGlite.create(dataDir).catch((error: unknown) => {
  send({ type: 'failed', error: plainError(error) });
  return null;
});
if (db) {
  send({ type: 'ready' });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'query') {
      db.query(message.sql, message.params).then(
        (result) => send({ type: 'result', id: message.id, rows: result.rows, affectedRows: result.affectedRows }),
        (error: unknown) => send({ type: 'error', id: message.id, error: plainError(error) }),
      );
    } else if (message.type === 'memory') {
      // Heap figures of a worker's process.memoryUsage() are its own isolate's.
      const { heapUsed, heapTotal } = process.memoryUsage();
      send({ type: 'memory', id: message.id, memory: { heapUsed, heapTotal, wasm: db.Module.HEAP8.buffer.byteLength } });
    } else if (message.type === 'close') {
      // Closing PGlite leaves its data folder consistent for the next start.
      void db.close().then(() => send({ type: 'closed' }));
    }
  });
}
