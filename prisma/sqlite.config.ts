import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Prisma's JavaScript schema engine: migrations run without downloading a native engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("sqlite", "schema.prisma"),
  migrations: { path: path.join("sqlite", "migrations") },
  async adapter() {
    const url = (process.env.DATABASE_URL ?? "file:./data/localism.db").replace(/^file:/, "");
    // Waits up to 20 s for a lock another process holds on the file, rather than better-sqlite3's 5 s.
    return new PrismaBetterSQLite3({ url, timeout: 20_000 });
  },
});
