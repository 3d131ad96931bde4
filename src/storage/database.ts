import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import type { DatabaseProvider } from "../config";

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

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

export function openDatabase(url: string): Database {
  if (url.startsWith("file:")) {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
    return { db, provider: "sqlite", close: () => db.$disconnect() };
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { db: client as unknown as Db, provider: "postgres", close: () => client.$disconnect() };
}
