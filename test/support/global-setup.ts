import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/storage/database";
import { migrateDatabase } from "../../src/storage/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
    runId: number;
  }
}

// One template per run, so that runs started side by side (several developers, one machine) never collide.
const POSTGRES_TEMPLATE = `localism_template_${process.pid}`;

/** Migrates one SQLite file and one PostgreSQL database once; each test copies them. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "localism-test-"));
  const sqliteTemplate = path.join(dir, "template.db");
  const sqlite = await openDatabase(`file:${sqliteTemplate}`);
  await migrateDatabase(`file:${sqliteTemplate}`, "sqlite", sqlite.db);
  await sqlite.close();

  const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? startLocalPostgres();
  await recreatePostgresTemplate(postgresAdminUrl);

  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("postgresAdminUrl", postgresAdminUrl);
  project.provide("postgresTemplate", POSTGRES_TEMPLATE);
  project.provide("runId", process.pid);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTestDatabases(postgresAdminUrl, POSTGRES_TEMPLATE);
  };
}

function startLocalPostgres(): string {
  const script = path.resolve(import.meta.dirname, "../../scripts/test-postgres.sh");
  try {
    return execFileSync("bash", [script, "start"], { encoding: "utf8" }).trim();
  } catch (error) {
    throw new Error(
      `The PostgreSQL tests need a server: set TEST_POSTGRES_URL or install PostgreSQL 15 (${(error as Error).message})`,
    );
  }
}

async function recreatePostgresTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const url = withDatabase(adminUrl, POSTGRES_TEMPLATE);
  const database = await openDatabase(url);
  await migrateDatabase(url, "postgres", database.db);
  await database.close();
}

/** Each test made its own database from the template (test/support/databases.ts); drop them all. */
async function dropTestDatabases(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
    [`t${process.pid}\\_%`, template],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.end();
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
