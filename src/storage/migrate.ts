import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import type { DatabaseProvider } from "../config";
import type { Db } from "./database";

const run = promisify(execFile);

import { projectRoot } from "../paths";

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

/** Applies pending migrations with `prisma migrate deploy` (the JS schema engine); a no-op when up to date. */
export async function migrateDatabase(url: string, provider: DatabaseProvider, db: Db): Promise<{ applied: boolean }> {
  const applied = await appliedMigrations(db);
  if (migrationNames(provider).every((name) => applied.has(name))) return { applied: false };
  // The CLI needs the database to itself (SQLite refuses a second writer); the client reconnects on next use.
  await db.$disconnect();
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
  return { applied: true };
}
