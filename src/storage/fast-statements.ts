import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { DatabaseProvider } from "../config";

/**
 * The few statements every request runs (the replay check, a concern's transaction, the minutes'
 * term counts), run prepared on the database driver itself. Through Prisma 6 each statement costs
 * 0.3 to 0.4 ms of the main thread (its client, compiler and adapter) before the driver does any
 * work; a statement prepared once per connection costs the driver's work and little more.
 *
 * SQLite: the statements run on the very connection Prisma's adapter opened (one connection per
 * process, as before), and a transaction here takes the adapter's own lock, so it never interleaves
 * with one of Prisma's. PostgreSQL: the pool Prisma's adapter uses, with named prepared statements.
 *
 * The same statements also run inside a Prisma interactive transaction (`statementsIn`), where they
 * share the transaction with model queries: each statement is written once, whichever transaction
 * it runs in, and stores the same values either way.
 */

/** Values as the statements take them: a list is bound as JSON on SQLite (for `json_each`) and as an array on PostgreSQL. */
export type SqlValue = string | number | boolean | Date | null | readonly string[];

/** SQL written once with `?` for each value in order; PostgreSQL's `$1`, `$2`... are numbered from them. */
export interface Statement {
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

let named = 0;

/** One statement for both databases, or a different text for each where their SQL differs. */
export function statement(sql: string | { sqlite: string; postgres: string }): Statement {
  named += 1;
  const texts = typeof sql === "string" ? { sqlite: sql, postgres: sql } : sql;
  let position = 0;
  return {
    name: `fast_${named}`,
    sqlite: texts.sqlite,
    postgres: texts.postgres.replace(/\?/g, () => `$${++position}`),
  };
}

export interface StatementRunner {
  rows<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]>;
  /** The number of rows changed. */
  run(statement: Statement, values: readonly SqlValue[]): Promise<number>;
}

export interface FastStatements extends StatementRunner {
  readonly provider: DatabaseProvider;
  /**
   * One statement committed as soon as may be, and shared: on SQLite it joins the transactions
   * committed together (see `transaction`), so statements asked for at once take one COMMIT; on
   * PostgreSQL it runs on its own, with no BEGIN or COMMIT to wait for.
   */
  rowsCommittedTogether<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]>;
  /** `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T>;
}

/** What the SQLite statements need of Prisma's adapter: its connection, and its lock around transactions. */
export interface SqliteConnection {
  client: BetterSqlite3.Database;
  startTransaction(): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
  /** Where statements outside a transaction wait while one is open on the connection. */
  outside: OutsideTransactions;
}

/**
 * How long a write waits for another process (the command line, a second instance) to finish its
 * own. The connection's busy timeout is 0: SQLite would otherwise wait inside the call, and
 * better-sqlite3's calls hold the event loop, so every request would stop while it waited.
 */
export const SQLITE_WRITE_WAIT_MS = 1_000;

export function isSqliteBusy(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { originalCode?: unknown } };
  const sqliteCode = typeof code === "string" ? code : cause?.originalCode;
  return typeof sqliteCode === "string" && sqliteCode.startsWith("SQLITE_BUSY");
}

/** Runs `attempt`, and again after a pause (the event loop free meanwhile) while SQLite says another process writes. */
export async function whileAnotherProcessWrites<T>(attempt: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + SQLITE_WRITE_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() + pause > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * On one connection, a statement run while a transaction is open joins it, and is undone with it
 * if it rolls back, although its caller was told it was done: a statement outside any transaction
 * runs only when none is open. The check and the statement run in the same turn, so no BEGIN can
 * come between them; whoever ends a transaction calls `transactionEnded`.
 */
export class OutsideTransactions {
  private waiting: Array<() => void> = [];

  constructor(private readonly client: { inTransaction: boolean }) {}

  run<T>(statement: () => Promise<T>): Promise<T> {
    return whileAnotherProcessWrites(() => this.runOnce(statement));
  }

  private runOnce<T>(statement: () => Promise<T>): Promise<T> {
    if (!this.client.inTransaction) return statement();
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.runOnce(statement));
  }

  transactionEnded(): void {
    for (const resume of this.waiting.splice(0)) resume();
  }
}

/**
 * Dates as Prisma's SQLite adapter writes them (ISO 8601, `+00:00`), so comparisons between the two agree
 * (SQLite compares them as text: a `Z` sorts after `+`).
 */
function sqliteValue(value: SqlValue): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/**
 * Dates as UTC text: PostgreSQL reads `...Z` as that instant in a `timestamptz`, and as the UTC wall
 * clock in Prisma's `timestamp(3)` columns, as Prisma writes them (node-postgres would send local time).
 */
function postgresValue(value: SqlValue): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

class SqliteRunner implements StatementRunner {
  private readonly prepared = new Map<Statement, BetterSqlite3.Statement>();

  constructor(readonly client: BetterSqlite3.Database) {}

  private prepare(statement: Statement): BetterSqlite3.Statement {
    let prepared = this.prepared.get(statement);
    if (!prepared) {
      prepared = this.client.prepare(statement.sqlite);
      // Prisma's adapter sets the connection to return big integers; these statements read small numbers.
      if (prepared.reader) prepared.safeIntegers(false);
      this.prepared.set(statement, prepared);
    }
    return prepared;
  }

  async rows<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]> {
    return this.prepare(statement).all(...values.map(sqliteValue)) as T[];
  }

  async run(statement: Statement, values: readonly SqlValue[]): Promise<number> {
    return this.prepare(statement).run(...values.map(sqliteValue)).changes;
  }
}

const COMMIT = statement("COMMIT");
const SAVEPOINT = statement("SAVEPOINT fast_work");
const RELEASE = statement("RELEASE fast_work");
const ROLLBACK_WORK = statement("ROLLBACK TO fast_work");

interface Queued {
  work: (tx: StatementRunner) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class SqliteStatements implements FastStatements {
  readonly provider = "sqlite" as const;
  private runner: SqliteRunner | null = null;
  private adapter: SqliteConnection | null = null;
  private readonly queued: Queued[] = [];
  private committing = false;

  /** `connection` resolves to Prisma's adapter as it is now (Prisma opens it on its first query). */
  constructor(private readonly connection: () => Promise<SqliteConnection>) {}

  private async current(): Promise<{ adapter: SqliteConnection; runner: SqliteRunner }> {
    const adapter = await this.connection();
    if (this.runner?.client !== adapter.client) this.runner = new SqliteRunner(adapter.client);
    this.adapter = adapter;
    return { adapter, runner: this.runner };
  }

  /** The runner without a wait when the connection it was made for is still open (nearly always). */
  private open(): SqliteRunner | null {
    const runner = this.runner;
    return runner && this.adapter?.client === runner.client && runner.client.open ? runner : null;
  }

  async rows<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]> {
    const { adapter, runner } = await this.connected();
    return adapter.outside.run(() => runner.rows<T>(statement, values));
  }

  async run(statement: Statement, values: readonly SqlValue[]): Promise<number> {
    const { adapter, runner } = await this.connected();
    return adapter.outside.run(() => runner.run(statement, values));
  }

  rowsCommittedTogether<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]> {
    return this.transaction((tx) => tx.rows<T>(statement, values));
  }

  private async connected(): Promise<{ adapter: SqliteConnection; runner: SqliteRunner }> {
    const runner = this.open();
    return runner && this.adapter ? { adapter: this.adapter, runner } : this.current();
  }

  /**
   * Transactions asked for while one commits (or in the same turn) commit together: each runs in
   * a savepoint of one transaction, in the order asked, and each resolves only once that transaction
   * has committed, so what resolves is stored. One that throws rolls back to its savepoint and
   * rejects alone; a failed COMMIT rejects them all. Under load this takes one COMMIT (and one turn
   * of the adapter's lock) for many submissions.
   */
  transaction<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.queued.length === 1 && !this.committing) setImmediate(() => void this.commitQueued());
    });
  }

  private async commitQueued(): Promise<void> {
    const batch = this.queued.splice(0);
    if (batch.length === 0) return;
    this.committing = true;
    try {
      await this.commitTogether(batch);
    } finally {
      this.committing = false;
      if (this.queued.length > 0) setImmediate(() => void this.commitQueued());
    }
  }

  private async commitTogether(batch: Queued[]): Promise<void> {
    let adapter: SqliteConnection;
    let runner: SqliteRunner;
    let lock: { commit(): Promise<void>; rollback(): Promise<void> };
    try {
      ({ adapter, runner } = await this.current());
      // The adapter's lock, then BEGIN: Prisma's transactions and these take turns on the one connection.
      lock = await adapter.startTransaction();
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let ended: unknown = null;
    for (const queued of batch) {
      if (ended !== null) break;
      try {
        await runner.run(SAVEPOINT, []);
        const value = await queued.work(runner);
        await runner.run(RELEASE, []);
        outcomes.push({ ok: true, value });
      } catch (error) {
        outcomes.push({ ok: false, error });
        // A failed statement (SQLITE_FULL among them) may have ended the whole transaction.
        if (!adapter.client.inTransaction) ended = error;
        else {
          try {
            await runner.run(ROLLBACK_WORK, []);
            await runner.run(RELEASE, []);
          } catch (rollbackError) {
            ended = rollbackError;
          }
        }
      }
    }
    if (ended === null) {
      try {
        await runner.run(COMMIT, []);
      } catch (error) {
        ended = error;
      }
    }
    if (ended !== null) {
      if (adapter.client.inTransaction) {
        try {
          adapter.client.exec("ROLLBACK");
        } catch {
          // Nothing left to roll back.
        }
      }
      await lock.rollback().catch(() => undefined);
      // Nothing of the batch was stored: each is told, with its own error where it had one.
      batch.forEach((queued, i) => {
        const outcome = outcomes[i];
        queued.reject(outcome && !outcome.ok ? outcome.error : ended);
      });
      return;
    }
    // Committed: the lock is only given back, and whatever it says, each is stored.
    await lock.commit().catch(() => undefined);
    batch.forEach((queued, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) queued.resolve(outcome.value);
      else queued.reject(outcome?.error);
    });
  }
}

class PostgresRunner implements StatementRunner {
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  async rows<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]> {
    const result = await this.client.query({
      name: statement.name,
      text: statement.postgres,
      values: values.map(postgresValue),
    });
    return result.rows as T[];
  }

  async run(statement: Statement, values: readonly SqlValue[]): Promise<number> {
    const result = await this.client.query({
      name: statement.name,
      text: statement.postgres,
      values: values.map(postgresValue),
    });
    return result.rowCount ?? 0;
  }
}

export class PostgresStatements extends PostgresRunner implements FastStatements {
  readonly provider = "postgres" as const;

  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  rowsCommittedTogether<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]> {
    return this.rows<T>(statement, values);
  }

  async transaction<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // The pool stops listening for a checked-out connection's errors: one emitted between statements
    // would otherwise be unhandled. The statement that meets it fails, and the connection is closed.
    let broken = false;
    const noteBroken = () => {
      broken = true;
    };
    client.on("error", noteBroken);
    try {
      await client.query("BEGIN");
      const result = await work(new PostgresRunner(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection that cannot even roll back is closed rather than handed to the next caller.
      client.off("error", noteBroken);
      client.release(broken);
    }
  }
}

/** What the statements need of a client inside `db.$transaction(async (tx) => ...)` (either provider's). */
export interface PrismaTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A transaction of either kind: Prisma's interactive one, or one of prepared statements (`FastStatements.transaction`). */
export type Transaction = StatementRunner | PrismaTransaction;

/**
 * The statements inside a Prisma interactive transaction, bound exactly as the prepared statements
 * bind them, so the two store the same bytes. (Prisma's adapters would store a Date bound here the
 * same way too: SQLite `+00:00` text, PostgreSQL the UTC wall clock in a `timestamp(3)`.) Rows read
 * come as Prisma's raw queries return them, except whole numbers Prisma returns as BigInt (`COUNT(*)`,
 * `int8`), which come as the driver gives them: numbers from SQLite, text from PostgreSQL. Dates
 * read differ between the two kinds; the statements read none.
 */
class PrismaTransactionRunner implements StatementRunner {
  private readonly bind: (value: SqlValue) => unknown;

  constructor(
    private readonly tx: PrismaTransaction,
    private readonly provider: DatabaseProvider,
  ) {
    this.bind = provider === "sqlite" ? sqliteValue : postgresValue;
  }

  async rows<T extends object>(statement: Statement, values: readonly SqlValue[]): Promise<T[]> {
    const rows = await this.tx.$queryRawUnsafe<Record<string, unknown>[]>(
      statement[this.provider],
      ...values.map(this.bind),
    );
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "bigint") row[column] = this.provider === "sqlite" ? Number(value) : String(value);
      }
    }
    return rows as T[];
  }

  async run(statement: Statement, values: readonly SqlValue[]): Promise<number> {
    return this.tx.$executeRawUnsafe(statement[this.provider], ...values.map(this.bind));
  }
}

function isPrismaTransaction(tx: Transaction): tx is PrismaTransaction {
  return typeof (tx as Partial<PrismaTransaction>).$executeRawUnsafe === "function";
}

/** The statements in `tx`, whichever kind of transaction it is. */
export function statementsIn(tx: Transaction, provider: DatabaseProvider): StatementRunner {
  return isPrismaTransaction(tx) ? new PrismaTransactionRunner(tx, provider) : tx;
}
