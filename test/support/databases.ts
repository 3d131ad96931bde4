import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

export type Provider = "sqlite" | "postgres";

/** A new, migrated SQLite file for one test (a copy of the template migrated once per run). */
export function freshSqliteUrl(): string {
  const file = path.join(path.dirname(inject("sqliteTemplate")), `${randomUUID()}.db`);
  copyFileSync(inject("sqliteTemplate"), file);
  return `file:${file}`;
}

/** A new, migrated PostgreSQL database for one test, created from the migrated template. */
export async function freshPostgresUrl(): Promise<string> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `t${inject("runId")}_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
        break;
      } catch (error) {
        // Two creates from one template at the same moment: Postgres refuses one; wait and retry.
        if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDatabaseUrl(provider: Provider): Promise<string> {
  return provider === "sqlite" ? freshSqliteUrl() : freshPostgresUrl();
}
