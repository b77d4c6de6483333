import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type TransactionSettings } from 'kysely';
import type { PgliteWorker } from './pglite-worker-host';

/** Statements for PGlite on its worker thread. */
class WorkerConnection implements DatabaseConnection {
  constructor(private readonly worker: PgliteWorker) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.worker.query(query.sql, query.parameters);
    return { rows: result.rows as R[], ...(result.affectedRows !== undefined && { numAffectedRows: BigInt(result.affectedRows) }) };
  }

  // eslint-disable-next-line require-yield -- Kysely requires the method; nothing here streams.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by the PGlite worker');
  }
}

/**
 * PGlite is a single session, so one connection at a time, as in process: a transaction holds it
 * and later statements queue here (on this thread, cheaply) until it is released.
 */
class WorkerDriver implements Driver {
  private readonly connection: WorkerConnection;
  private held = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly worker: PgliteWorker) {
    this.connection = new WorkerConnection(worker);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held = true;
    return this.connection;
  }

  async releaseConnection() {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const isolation = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`BEGIN${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async destroy() {
    await this.worker.close();
  }
}

/** Kysely's PostgreSQL dialect (adapter, compiler, introspector) over PGlite on a worker thread. */
export class PgliteWorkerDialect implements Dialect {
  constructor(private readonly worker: PgliteWorker) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new WorkerDriver(this.worker);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
