import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "../config";
import type { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import {
  type FastStatements,
  OutsideTransactions,
  PostgresStatements,
  type SqliteConnection,
  SqliteStatements,
  whileAnotherProcessWrites,
} from "./fast-statements";

/**
 * Both generated clients have the same models and the same TypeScript shape (one models file feeds
 * both schemas), so the rest of the code is written against one of them.
 */
export type Db = SqliteClient;

export interface Database {
  db: Db;
  provider: DatabaseProvider;
  close(): Promise<void>;
}

const fastStatementsOf = new WeakMap<Db, FastStatements>();

/** The prepared statements beside a client `openDatabase` opened (see src/storage/fast-statements.ts). */
export function fastStatements(db: Db): FastStatements {
  const fast = fastStatementsOf.get(db);
  if (!fast) throw new Error("This database client was not opened by openDatabase");
  return fast;
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * Write-ahead logging: readers never wait for the writer, and a commit costs no fsync of the main
 * file (about 1 ms instead of 5 here). NORMAL is durable in WAL mode except on power loss.
 * Run after migrations: `synchronous` is per connection.
 */
export async function tuneDatabase(database: Database): Promise<void> {
  if (database.provider !== "sqlite") return;
  await database.db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await database.db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
}

interface SqlQuery {
  sql: string;
}
type Run = (query: SqlQuery) => Promise<never>;
interface Transaction {
  executeRaw(query: SqlQuery): Promise<number>;
  queryRaw(query: SqlQuery): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
interface Adapter {
  client: { inTransaction: boolean; exec(sql: string): unknown };
  startTransaction(isolationLevel?: unknown): Promise<Transaction>;
  executeRaw(query: SqlQuery): Promise<number>;
  queryRaw(query: SqlQuery): Promise<unknown>;
}
interface AdapterFactory {
  connect(): Promise<unknown>;
}

/**
 * Prisma's SQLite adapter runs every query on its one connection, and a query outside a transaction
 * runs there at once, even while someone else's transaction is open on it: it would join that
 * transaction, and be undone with it if it rolled back, although its caller was told it was done.
 * Each such query (Prisma's, and the prepared statements') runs only when no transaction is open,
 * otherwise once one ends.
 *
 * The adapter also serialises transactions with a lock it releases only when Prisma tells it the
 * transaction ended. When COMMIT itself fails (SQLITE_FULL on a full disk: the WAL is written at
 * commit), Prisma never does, and SQLite keeps the transaction open: every later transaction then
 * waits for ever, until a restart. Here a failed COMMIT is rolled back and the lock released, so
 * the failure is reported once per write and writes work again as soon as there is space. The same
 * lock is released when Prisma's ROLLBACK fails because SQLite had already ended the transaction.
 */
export function guardingTransactions<F extends AdapterFactory>(
  factory: F,
  connected?: (adapter: unknown, outside: OutsideTransactions) => void,
): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Adapter;
    const outside = new OutsideTransactions(adapter.client);
    connected?.(adapter, outside);
    for (const method of ["executeRaw", "queryRaw"] as const) {
      const run = adapter[method].bind(adapter) as Run;
      adapter[method] = (query: SqlQuery) => outside.run(() => run(query));
    }
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel?: unknown) => {
      const tx = await start(isolationLevel);
      await takeWriteLock(adapter.client, () => {
        outside.transactionEnded();
        return tx.rollback();
      });
      for (const ending of ["commit", "rollback"] as const) {
        const end = tx[ending].bind(tx);
        // SQLite has ended the transaction by now (COMMIT or ROLLBACK ran): the statements waiting
        // outside are let go before the lock, so they run before the next transaction's BEGIN.
        tx[ending] = () => {
          outside.transactionEnded();
          return end();
        };
      }
      for (const method of ["executeRaw", "queryRaw"] as const) {
        const run = tx[method].bind(tx) as Run;
        tx[method] = async (query: SqlQuery) => {
          try {
            return await run(query);
          } catch (error) {
            if (/^\s*COMMIT\b/i.test(query.sql)) {
              await run({ ...query, sql: "ROLLBACK" }).catch(() => undefined);
              await tx.rollback();
            }
            // SQLite ends the transaction itself on some errors (SQLITE_FULL in a statement among
            // them), so Prisma's ROLLBACK fails and it never releases the lock either.
            if (/^\s*ROLLBACK\b/i.test(query.sql)) await tx.rollback();
            throw error;
          }
        };
      }
      return tx;
    };
    return adapter;
  };
  return factory;
}

/**
 * The adapter's BEGIN is deferred: SQLite takes the write lock at the first write, and when another
 * process holds it then, the transaction can only fail. Taken at the start instead, waiting for
 * it (without holding the event loop) is safe, and nothing in the transaction meets a busy database.
 */
async function takeWriteLock(client: Adapter["client"], giveUp: () => Promise<void>): Promise<void> {
  try {
    client.exec("ROLLBACK");
    await whileAnotherProcessWrites(() => client.exec("BEGIN IMMEDIATE"));
  } catch (error) {
    await giveUp();
    throw error;
  }
}

export async function openDatabase(url: string): Promise<Database> {
  if (url.startsWith("file:")) {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const [{ PrismaBetterSQLite3 }, { PrismaClient }] = await Promise.all([
      import("@prisma/adapter-better-sqlite3"),
      import("../generated/sqlite/client"),
    ]);
    let adapter: SqliteConnection | null = null;
    const factory = guardingTransactions(new PrismaBetterSQLite3({ url: file, timeout: 0 }), (connected, outside) => {
      adapter = Object.assign(connected as Omit<SqliteConnection, "outside">, { outside });
    });
    const db = new PrismaClient({ adapter: factory });
    // Prisma opens its connection on the first query; the prepared statements share it.
    const connection = async (): Promise<SqliteConnection> => {
      if (!adapter?.client.open) await db.$connect();
      if (!adapter) throw new Error("Prisma opened no SQLite connection");
      return adapter;
    };
    fastStatementsOf.set(db, new SqliteStatements(connection));
    return { db, provider: "sqlite", close: () => db.$disconnect() };
  }
  const [{ PrismaPg }, { PrismaClient }, { default: pg }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../generated/postgres/client"),
    import("pg"),
  ]);
  // One pool for Prisma and the prepared statements alike.
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection that breaks (a restart) is replaced by the pool; the next query reports it.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  const db = client as unknown as Db;
  fastStatementsOf.set(db, new PostgresStatements(pool));
  return {
    db,
    provider: "postgres",
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}
