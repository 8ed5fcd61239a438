// The connection pool and the one way every part of the PostgreSQL store runs SQL: errors that
// mean "the database cannot answer" become StoreUnavailableError, whatever statement met them.

import type pg from 'pg';
import { StoreUnavailableError } from '../errors.ts';

export interface Sql {
  text: string;
  values?: unknown[];
  /** A name makes it a prepared statement on each connection that runs it (hot paths only). */
  name?: string;
}

/** What runs SQL: the pool, or one client inside a transaction. */
export interface Db {
  query<R = Record<string, unknown>>(sql: Sql | string, values?: unknown[]): Promise<R[]>;
}

/** SQLSTATE classes and codes that say the server, not the statement, is the trouble. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53000', '58000']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** The StoreUnavailableError an error from pg means, or the error itself. */
export function translate(error: unknown, statementTimeoutMs: number): unknown {
  if (!(error instanceof Error) || error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === '57014') {
    return new StoreUnavailableError(
      `The database did not answer within the statement time limit (${statementTimeoutMs} ms).`,
      { cause: error },
    );
  }
  const message = error.message;
  if (
    code.startsWith('08') ||
    UNAVAILABLE_STATES.has(code) ||
    NETWORK_CODES.has(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i.test(
      message,
    )
  ) {
    return new StoreUnavailableError(`The database cannot be reached: ${message}`, {
      cause: error,
    });
  }
  return error;
}

export class PgDb implements Db {
  constructor(
    readonly pool: pg.Pool,
    private readonly statementTimeoutMs: number,
  ) {}

  async query<R = Record<string, unknown>>(sql: Sql | string, values?: unknown[]): Promise<R[]> {
    const config = typeof sql === 'string' ? { text: sql, values } : sql;
    try {
      return (await this.pool.query(config)).rows as R[];
    } catch (error) {
      throw translate(error, this.statementTimeoutMs);
    }
  }

  /**
   * Runs `work` in one transaction on one client; rolls back when it throws. Writes take the
   * store's write lock first, so writers from every replica go one at a time, as SQLite's do.
   */
  async transaction<T>(
    work: (db: Db) => Promise<T>,
    options: { write: boolean; timeoutMs?: number },
  ): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.statementTimeoutMs;
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error, this.statementTimeoutMs);
    }
    const db: Db = {
      query: async <R>(sql: Sql | string, values?: unknown[]) => {
        const config = typeof sql === 'string' ? { text: sql, values } : sql;
        try {
          // (pg takes a per-query client-side timeout; its types do not list it.)
          const timed = { ...config, query_timeout: timeoutMs + 2000 } as pg.QueryConfig;
          return (await client.query(timed)).rows as R[];
        } catch (error) {
          throw translate(error, timeoutMs);
        }
      },
    };
    let broken: unknown;
    try {
      await db.query('BEGIN');
      if (timeoutMs !== this.statementTimeoutMs) {
        await db.query(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`);
      }
      if (options.write) await db.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const value = await work(db);
      await db.query('COMMIT');
      return value;
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      // A client whose connection failed is dropped from the pool, not handed out again.
      client.release(
        broken instanceof Error && translate(broken, 0) !== broken ? broken : undefined,
      );
    }
  }
}

/** Advisory lock keys (any two 64-bit numbers no other program here uses). */
export const WRITE_LOCK = 4_210_771_001;
export const MIGRATION_LOCK = 4_210_771_002;

/**
 * The text search configuration of the search column, its queries and its snippets (made by
 * migration 4): every side must parse and stem words alike, or a query misses its own words.
 */
export const SEARCH_CONFIG = 'jin';

/** `$1, $2, …` placeholders for values added in order. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** count(*) and other bigints come back as text; the counts here fit a double. */
export const int = (value: unknown): number => Number(value);
