import { execFile } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { hostname } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { DatabaseProvider } from "../config";
import { projectRoot } from "../paths";
import { type Db, sqliteFilePath } from "./database";

const run = promisify(execFile);

/** The advisory lock every instance takes before migrating one PostgreSQL database (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = 7_263_102_451_901n;
/** How long an instance waits for another's migrations before giving up on starting. */
const LOCK_WAIT_MS = 10 * 60_000;
/** A SQLite lock file left by a process on another host (where its pid means nothing) is taken over after this. */
const STALE_LOCK_MS = 10 * 60_000;

function migrationNames(provider: DatabaseProvider): string[] {
  const folder = path.join(projectRoot, "prisma", provider, "migrations");
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function appliedMigrations(db: Db): Promise<Set<string>> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((row) => row.migration_name));
  } catch {
    return new Set();
  }
}

async function upToDate(db: Db, provider: DatabaseProvider): Promise<boolean> {
  const applied = await appliedMigrations(db);
  return migrationNames(provider).every((name) => applied.has(name));
}

/**
 * Applies pending migrations with `prisma migrate deploy` (the JS schema engine); a no-op when up to
 * date. Instances that start together on one database take turns: the first migrates while the
 * others wait for its lock (PostgreSQL: an advisory lock; SQLite: a lock file beside the database),
 * then find nothing left to do. On SQLite every instance takes the lock before it reads the file.
 */
export async function migrateDatabase(url: string, provider: DatabaseProvider, db: Db): Promise<{ applied: boolean }> {
  // On SQLite the file is not opened before the lock is held: an instance reading it while another's
  // schema engine migrates can leave that engine meeting a busy file.
  if (provider === "postgres" && (await upToDate(db, provider))) return { applied: false };
  const release = provider === "postgres" ? await lockPostgres(url) : await lockSqliteFile(sqliteFilePath(url));
  try {
    if (await upToDate(db, provider)) return { applied: false };
    await deploy(url, provider, db);
    return { applied: true };
  } finally {
    await release();
  }
}

/** SQLite told the schema engine another connection holds its lock (the engine reports busy as `SocketTimeout`). */
const SQLITE_BUSY_OUTPUT = /SocketTimeout|SQLITE_BUSY|database is locked/;
const DEPLOY_ATTEMPTS = 5;

async function deploy(url: string, provider: DatabaseProvider, db: Db): Promise<void> {
  // The CLI needs the database to itself (SQLite refuses a second writer); the client reconnects on next use.
  await db.$disconnect();
  // Another instance's connection may hold SQLite's lock for a moment as it opens the file; each
  // migration is a transaction, so trying again applies only what is still pending.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deployOnce(url, provider);
    } catch (error) {
      if (provider !== "sqlite" || attempt >= DEPLOY_ATTEMPTS || !SQLITE_BUSY_OUTPUT.test(String(error))) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
  }
}

async function deployOnce(url: string, provider: DatabaseProvider): Promise<void> {
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  try {
    const exitPromptly = path.join(projectRoot, "scripts/prisma-exit-promptly.cjs");
    await run(
      process.execPath,
      ["-r", exitPromptly, prismaCli, "migrate", "deploy", "--config", `prisma/${provider}.config.ts`],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      },
    );
  } catch (error) {
    const output = (error as { stdout?: string; stderr?: string }).stderr || (error as Error).message;
    throw new Error(`Could not apply database migrations: ${output.trim()}`);
  }
}

/**
 * A session-level advisory lock on its own connection, held while the CLI migrates on another.
 * Prisma takes an advisory lock of its own too, but gives up after 10 seconds; this one waits.
 */
async function lockPostgres(url: string): Promise<() => Promise<void>> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${LOCK_WAIT_MS}`);
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(`Could not take the migration lock: ${(error as Error).message}`);
  }
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}

/**
 * A lock file created exclusively beside the database, naming its holder. One left by a process
 * that died on this host is taken over at once; one from another host once it is stale.
 */
async function lockSqliteFile(databaseFile: string): Promise<() => Promise<void>> {
  const lockFile = `${path.resolve(databaseFile)}.migrating`;
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
      closeSync(fd);
      return async () => unlinkSync(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (abandoned(lockFile)) {
      try {
        unlinkSync(lockFile);
      } catch {
        // Another waiter removed it first.
      }
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`Another process has been migrating since ${lockFile}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function abandoned(lockFile: string): boolean {
  try {
    const holder = JSON.parse(readFileSync(lockFile, "utf8")) as { pid?: number; host?: string };
    if (holder.host === hostname() && typeof holder.pid === "number") return !processAlive(holder.pid);
    return Date.now() - statSync(lockFile).mtimeMs > STALE_LOCK_MS;
  } catch {
    // Being written or already gone: look again on the next turn.
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
