import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SlackStandin } from "@localism/slack-standin";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestStandin } from "../support/bot";
import { type BotProcess, botEnvironment, readyz, startBotProcess } from "../support/instances";
import { waitUntil } from "../support/wait";

const root = path.resolve(import.meta.dirname, "../..");
const migrationCount = (provider: string) =>
  readdirSync(path.join(root, "prisma", provider, "migrations"), { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  ).length;

interface MigrationRow {
  migration_name: string;
  finished: boolean;
}

/**
 * Three instances of the bot started at the same moment on one new, empty database, as a
 * deployment of several instances does: all come up ready, and the schema is migrated once.
 */
describe("three instances starting together on one empty database", () => {
  let standin: SlackStandin;
  const running: ChildProcess[] = [];
  beforeAll(async () => {
    standin = await startTestStandin();
  });
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });
  afterAll(() => standin?.close());

  async function startThree(databaseUrl: string): Promise<BotProcess[]> {
    const bots = await Promise.all([1, 2, 3].map(() => startBotProcess(botEnvironment(standin, databaseUrl), running)));
    await waitUntil(
      async () => (await Promise.all(bots.map((bot) => readyz(bot.url)))).every((s) => s === 200),
      60_000,
    );
    return bots;
  }

  async function stopAll(bots: BotProcess[]): Promise<void> {
    for (const bot of bots) bot.child.kill("SIGTERM");
    expect(await Promise.all(bots.map((bot) => bot.exited))).toEqual([0, 0, 0]);
  }

  function expectMigratedOnce(rows: MigrationRow[], bots: BotProcess[], provider: string): void {
    expect(rows).toHaveLength(migrationCount(provider));
    expect(new Set(rows.map((row) => row.migration_name)).size).toBe(rows.length);
    expect(rows.every((row) => row.finished)).toBe(true);
    expect(bots.filter((bot) => bot.logged("Applied the database migrations"))).toHaveLength(1);
  }

  it("on one SQLite file", { timeout: 180_000 }, async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "localism-three-")), "bot.db");
    const bots = await startThree(`file:${file}`);
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(`SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"`)
      .all() as { migration_name: string; finished: number }[];
    db.close();
    expectMigratedOnce(
      rows.map((row) => ({ migration_name: row.migration_name, finished: row.finished === 1 })),
      bots,
      "sqlite",
    );
    await stopAll(bots);
  });

  it("on one PostgreSQL database", { timeout: 180_000 }, async () => {
    const adminUrl = inject("postgresAdminUrl");
    const name = `t${inject("runId")}_${randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;

    const bots = await startThree(url.toString());
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"`,
    );
    await client.end();
    expectMigratedOnce(rows, bots, "postgres");
    await stopAll(bots);
  });
});
