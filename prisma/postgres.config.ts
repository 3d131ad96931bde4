import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("postgres", "schema.prisma"),
  migrations: { path: path.join("postgres", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL must be set to a postgres:// URL");
    // allowExitOnIdle: the CLI exits as soon as it is done rather than when idle connections time out.
    return new PrismaPg({ connectionString, allowExitOnIdle: true });
  },
});
